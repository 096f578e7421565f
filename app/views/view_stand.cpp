#include "views/view_stand.hpp"

#include "io/labels.hpp"
#include "outcomes/outcome_focus.hpp"
#include "outcomes/outcome_widgets.hpp"
#include "outcomes/photo_thumbnails.hpp"
#include "theme.hpp"
#include "widgets.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <utility>

namespace atelier {

namespace {

constexpr Millis kThanksMs = 5000; // then the screen is ready for the next visitor

// Every version of every prototype, in the order of the teams: a stand shows one version.
std::vector<const Prototype*> standPrototypes(const EventState& s) {
    std::vector<const Prototype*> out;
    for (const Team* t : s.teamsInOrder())
        for (const Prototype* p : s.prototypesOfTeam(t->id)) out.push_back(p);
    return out;
}

std::string prototypeName(const EventState& s, const Prototype& p) {
    const Team* t = s.find<Team>(p.teamId);
    return (t ? t->name + " — " : std::string()) + p.title + " (v" + std::to_string(p.version) + ")";
}

// The newest photo of the version on show: what the visitor has in front of them.
const Photo* latestPhoto(const EventState& s, Id prototype) {
    const Photo* latest = nullptr;
    for (const auto& [id, photo] : s.photos)
        if (photo.prototypeId == prototype && (!latest || photo.createdAt > latest->createdAt ||
                                               (photo.createdAt == latest->createdAt && photo.id.value > latest->id.value)))
            latest = &photo;
    return latest;
}

// A big coloured button; its label is also how tests find it.
bool bigButton(const char* label, ImVec2 size, ImU32 colour, ImFont* font) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Button, colour);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertFloat4ToU32(ImVec4(ImColor(colour).Value.x * 1.15f,
                                                                                        ImColor(colour).Value.y * 1.15f,
                                                                                        ImColor(colour).Value.z * 1.15f, 1)));
    ImGui::PushStyleColor(ImGuiCol_Text, textOn(colour));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 12.0f);
    bool pressed = button(label, size);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(3);
    ImGui::PopFont();
    return pressed;
}

void centredText(ImFont* font, const char* text, ImU32 colour = 0) {
    ImGui::PushFont(font);
    float width = ImGui::GetContentRegionAvail().x;
    float textWidth = ImGui::CalcTextSize(text, nullptr, false, width).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - textWidth) / 2));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(width, textWidth + 1));
    if (colour) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text);
    if (colour) ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

} // namespace

void StandView::reset() {
    m_step = Step::Choose;
    m_text.clear();
    m_visitor.clear();
    m_rating = 0;
}

void StandView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    if (Id focus = std::exchange(outcomeFocus().prototype, Id{}); focus && state.find<Prototype>(focus)) {
        m_prototype = focus;
        reset();
    }
    auto prototypes = standPrototypes(state);
    const Prototype* p = state.find<Prototype>(m_prototype);
    if (!p) {
        // The version on show is a prototype's latest: the stand's QR link leaves feedback on it
        // (participation/stand_codes). The team's with the most feedback, else the event's first.
        auto latest = [&](const Prototype* q) {
            return std::none_of(prototypes.begin(), prototypes.end(),
                                [&](const Prototype* r) { return r->lineageId == q->lineageId && r->version > q->version; });
        };
        std::size_t most = 0;
        for (const Prototype* q : prototypes)
            if (q->teamId == session.team && latest(q) && (!p || state.feedbackOf(q->id).size() > most)) {
                p = q;
                most = state.feedbackOf(q->id).size();
            }
        for (const Prototype* q : prototypes)
            if (!p && latest(q)) p = q;
        m_prototype = p ? p->id : Id{};
    }
    if (!p) {
        centredText(ctx.fonts.heading, str(Str::StandNoPrototype));
        return;
    }

    // Set-up line for the team (small, at the top).
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30);
    if (ImGui::BeginCombo("##standprototype", prototypeName(state, *p).c_str())) {
        for (const Prototype* q : prototypes) {
            ImGui::PushID(idKey(q->id));
            if (ImGui::Selectable(prototypeName(state, *q).c_str(), q == p)) {
                m_prototype = q->id;
                reset();
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (button(session.presentationFullScreen ? str(Str::StandLeaveFullScreen) : str(Str::StandFullScreen)))
        session.presentationFullScreen = !session.presentationFullScreen;
    ImGui::SameLine();
    ImGui::Checkbox(str(Str::StandShowFeedback), &m_showFeedback);

    ImGui::Spacing();
    centredText(ctx.fonts.largeBold, p->title.c_str());
    recordLastItem("##standtitle");
    drawShown(ctx, *p);
    ImGui::Spacing();

    auto feedback = state.feedbackOf(p->id);
    float listHeight = m_showFeedback ? ImGui::GetContentRegionAvail().y * 0.3f : 0.0f;
    float height = ImGui::GetContentRegionAvail().y - listHeight;
    ImGui::BeginChild("##standmain", ImVec2(0, height), false);
    if (m_step == Step::Thanks && session.now() - m_thankedAt > kThanksMs) reset();
    switch (m_step) {
    case Step::Choose: drawChoose(ctx, height); break;
    case Step::Write: drawWrite(ctx, *p); break;
    case Step::Thanks: drawThanks(ctx, height); break;
    }
    ImGui::EndChild();
    if (m_showFeedback) {
        ImGui::Separator();
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextUnformatted(strf(Str::StandFeedbackCount, feedback.size()).c_str());
        ImGui::PopFont();
        feedbackSummary(ctx, feedback, true);
    }
}

// What is being tested, above the buttons: the latest photo on the left, the description (or,
// without one, what the test should learn) beside it, in a band that leaves the buttons room
// at 1280x720.
void StandView::drawShown(ViewContext& ctx, const Prototype& p) {
    Session& session = ctx.session;
    const Photo* photo = latestPhoto(session.state(), p.id);
    const std::string& words = p.description.empty() ? p.learningGoal : p.description;
    if (!photo && words.empty()) return;
    float band = std::clamp(ImGui::GetContentRegionAvail().y * 0.3f, ImGui::GetTextLineHeight() * 3, 340.0f * ctx.scale);
    ImGui::BeginChild("##standshown", ImVec2(0, band), false, ImGuiWindowFlags_NoScrollbar);
    float width = ImGui::GetContentRegionAvail().x;
    if (photo) {
        float aspect = static_cast<float>(std::max(photo->width, 1)) / static_cast<float>(std::max(photo->height, 1));
        ImVec2 size(std::min(band * aspect, width * (words.empty() ? 1.0f : 0.45f)), 0);
        size.y = std::min(band, size.x / aspect);
        if (words.empty()) ImGui::SetCursorPosX((width - size.x) / 2); // alone: centred
        ImVec2 pixels;
        ImTextureID texture = photoThumbnails() ? photoThumbnails()->texture(session.engine()->store(), photo->id, pixels) : nullptr;
        if (texture) {
            ImGui::Image(texture, size);
        } else { // no GL here (headless): the photo's frame
            ImVec2 at = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(0x90, 0x98, 0xA5, 0xFF));
            ImGui::Dummy(size);
        }
        recordLastItem("##standphoto");
        if (!words.empty()) ImGui::SameLine(0, ImGui::GetFontSize());
    }
    if (!words.empty()) {
        ImGui::BeginChild("##standdescription", ImVec2(0, band), false);
        textWrapped(ctx.fonts.heading, words, IM_COL32(0x30, 0x38, 0x45, 0xFF));
        ImGui::EndChild();
        recordLastItem("##standdescription");
    }
    ImGui::EndChild();
}

void StandView::drawChoose(ViewContext& ctx, float height) {
    centredText(ctx.fonts.heading, str(Str::StandPrompt));
    ImGui::Spacing();
    float gap = ImGui::GetFontSize();
    float width = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    float h = std::clamp(height * 0.55f, 80.0f, 360.0f);
    for (int k = 0; k < 3; ++k) {
        auto kind = static_cast<FeedbackKind>(k);
        if (k > 0) ImGui::SameLine(0, gap);
        if (bigButton(feedbackKindName(kind), ImVec2(width, h), feedbackKindColour(kind), ctx.fonts.largeBold)) {
            m_kind = kind;
            m_step = Step::Write;
            m_focusText = true;
        }
    }
}

void StandView::drawWrite(ViewContext& ctx, const Prototype& p) {
    Session& session = ctx.session;
    ImGui::PushFont(ctx.fonts.largeBold);
    ImGui::TextColored(ImColor(feedbackKindColour(m_kind)), "%s", feedbackKindName(m_kind));
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.heading);
    float width = ImGui::GetContentRegionAvail().x;
    if (std::exchange(m_focusText, false)) ImGui::SetKeyboardFocusHere();
    ImGui::InputTextMultiline("##standtext", &m_text, ImVec2(width, ImGui::GetTextLineHeight() * 4));
    recordLastItem("##standtext");

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::StandRating));
    float side = ImGui::GetFrameHeight() * 1.6f;
    for (int r = 1; r <= 5; ++r) {
        ImGui::SameLine();
        std::string label = std::to_string(r) + "##rating";
        bool on = m_rating >= r;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? colours::kWarning : IM_COL32(0xE4, 0xE7, 0xEC, 0xFF));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(0x10, 0x18, 0x28, 0xFF));
        if (button(label.c_str(), ImVec2(side, side))) m_rating = m_rating == r ? 0 : r;
        ImGui::PopStyleColor(2);
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(str(Str::StandName));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    ImGui::InputText("##standname", &m_visitor);
    recordLastItem("##standname");
    ImGui::PopFont();

    ImGui::Spacing();
    bool empty = m_text.find_first_not_of(" \t\r\n") == std::string::npos && m_rating == 0;
    float buttonHeight = ImGui::GetFrameHeight() * 2.2f;
    ImGui::BeginDisabled(empty);
    if (bigButton(str(Str::StandSend), ImVec2(width * 0.6f, buttonHeight), colours::kInfo, ctx.fonts.largeBold)) {
        AddFeedback add;
        add.prototype = p.id;
        add.kind = m_kind;
        add.text = m_text;
        if (m_rating > 0) add.rating = m_rating;
        add.visitor = m_visitor;
        session.queue(add);
        m_step = Step::Thanks;
        m_thankedAt = session.now();
        m_text.clear();
        m_visitor.clear();
        m_rating = 0;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (bigButton(str(Str::StandBack), ImVec2(0, buttonHeight), IM_COL32(0x55, 0x5E, 0x6B, 0xFF), ctx.fonts.heading)) reset();
    if (empty) ImGui::TextDisabled("%s", str(Str::StandEmptyHint));
}

void StandView::drawThanks(ViewContext& ctx, float height) {
    ImGui::Dummy(ImVec2(0, height * 0.15f));
    centredText(ctx.fonts.largeBold, str(Str::StandThanks), colours::kInfo);
    ImGui::Spacing();
    centredText(ctx.fonts.heading, str(Str::StandThanksMore));
    ImGui::Spacing();
    float width = ImGui::GetContentRegionAvail().x * 0.4f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width * 0.75f);
    if (bigButton(str(Str::StandNext), ImVec2(width, ImGui::GetFrameHeight() * 2.5f), colours::kAccent, ctx.fonts.largeBold)) reset();
}

} // namespace atelier
