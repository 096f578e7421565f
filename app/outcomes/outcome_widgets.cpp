#include "outcomes/outcome_widgets.hpp"

#include "io/labels.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <algorithm>

namespace atelier {

int idKey(Id id) { return static_cast<int>(id.value ^ (id.value >> 32)); }

const Team* teamPicker(ViewContext& ctx, const char* id) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    auto teams = state.teamsInOrder();
    if (teams.empty()) return nullptr;
    const Team* current = state.find<Team>(session.team);
    if (!current) {
        current = teams.front();
        session.team = current->id;
    }
    auto name = [&](const Team* t) {
        const Challenge* c = state.find<Challenge>(t->challengeId);
        return c ? std::to_string(c->number) + " · " + t->name : t->name;
    };
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::ChallengeTeam));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::BeginCombo(id, name(current).c_str())) {
        for (const Team* t : teams) {
            ImGui::PushID(idKey(t->id));
            if (ImGui::Selectable(name(t).c_str(), t == current)) session.team = t->id;
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return state.find<Team>(session.team);
}

const char* feedbackKindName(FeedbackKind kind) {
    switch (kind) {
    case FeedbackKind::Like: return str(Str::StandLike);
    case FeedbackKind::Suggest: return str(Str::StandSuggest);
    case FeedbackKind::Question: return str(Str::StandQuestion);
    }
    return "";
}

ImU32 feedbackKindColour(FeedbackKind kind) {
    switch (kind) {
    case FeedbackKind::Like: return IM_COL32(0x1E, 0x7A, 0x46, 0xFF);
    case FeedbackKind::Suggest: return IM_COL32(0x1F, 0x4E, 0x99, 0xFF);
    case FeedbackKind::Question: return IM_COL32(0x9A, 0x4B, 0x00, 0xFF);
    }
    return IM_COL32(0x60, 0x60, 0x60, 0xFF);
}

void feedbackSummary(ViewContext& ctx, const std::vector<const Feedback*>& feedback, bool large) {
    std::array<int, 3> counts{};
    int rated = 0, sum = 0;
    for (const Feedback* f : feedback) {
        ++counts[static_cast<std::size_t>(f->kind)];
        if (f->rating) {
            ++rated;
            sum += *f->rating;
        }
    }
    if (large) ImGui::PushFont(ctx.fonts.bold);
    for (int k = 0; k < 3; ++k) {
        auto kind = static_cast<FeedbackKind>(k);
        ImGui::TextColored(ImColor(feedbackKindColour(kind)), "%s : %d", feedbackKindName(kind), counts[static_cast<std::size_t>(k)]);
        ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    }
    if (rated > 0) ImGui::Text("%s", strCount(Str::StandAverageOne, Str::StandAverage, static_cast<long long>(rated), decimal(static_cast<double>(sum) / rated), rated).c_str());
    else ImGui::TextDisabled("%s", str(Str::StandNoRating));
    if (large) ImGui::PopFont();
    if (feedback.empty()) {
        ImGui::TextDisabled("%s", str(Str::StandNoFeedback));
        return;
    }
    ImGui::BeginChild("##feedbacklist", ImVec2(0, 0), false);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(feedback.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            // Newest first: what the last visitors said is what the team looks for.
            const Feedback* f = feedback[feedback.size() - 1 - static_cast<std::size_t>(i)];
            ImGui::PushID(idKey(f->id));
            ImGui::TextColored(ImColor(feedbackKindColour(f->kind)), "%s", feedbackKindName(f->kind));
            if (f->rating) {
                ImGui::SameLine();
                ImGui::TextUnformatted(strf(Str::StandRatingFormat, *f->rating).c_str());
            }
            if (!f->visitor.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("— %s", f->visitor.c_str());
            }
            ImGui::Indent();
            ImGui::TextWrapped("%s", f->text.c_str());
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
}

void barChart(const char* title, const std::vector<std::string>& labels, const std::vector<int>& values,
              const std::vector<ImU32>& colours, float width) {
    ImGui::BeginGroup();
    ImGui::TextUnformatted(title);
    int top = 1;
    for (int v : values) top = std::max(top, v);
    float labelWidth = 0;
    for (const auto& l : labels) labelWidth = std::max(labelWidth, ImGui::CalcTextSize(l.c_str()).x);
    labelWidth = std::min(labelWidth, width * 0.45f);
    float line = ImGui::GetTextLineHeightWithSpacing();
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float barSpace = width - labelWidth - ImGui::GetFontSize() * 3.5f;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        float y = origin.y + line * static_cast<float>(i);
        ImVec4 clip(origin.x, y, origin.x + labelWidth, y + line);
        list->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(origin.x, y), ImGui::GetColorU32(ImGuiCol_Text),
                      labels[i].c_str(), nullptr, 0.0f, &clip);
        float x0 = origin.x + labelWidth + 8;
        float w = barSpace * static_cast<float>(values[i]) / static_cast<float>(top);
        ImU32 colour = colours.empty() ? colours::kAccent : colours[i % colours.size()];
        list->AddRectFilled(ImVec2(x0, y + 2), ImVec2(x0 + std::max(w, 2.0f), y + line - 2), colour, 3.0f);
        std::string value = std::to_string(values[i]);
        list->AddText(ImVec2(x0 + w + 6, y), ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
    }
    ImGui::Dummy(ImVec2(width, line * static_cast<float>(labels.size())));
    ImGui::EndGroup();
}

} // namespace atelier
