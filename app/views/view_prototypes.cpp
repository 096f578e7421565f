#include "views/view_prototypes.hpp"

#include "model/errors.hpp"
#include "io/bundle.hpp"
#include "io/labels.hpp"
#include "io/photo_import.hpp"
#include "outcomes/dropped_files.hpp"
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

// The latest version of each prototype of the team (one line per lineage), in log order.
std::vector<const Prototype*> lineages(const std::vector<const Prototype*>& all) {
    std::vector<const Prototype*> out;
    for (const Prototype* p : all) {
        auto same = std::find_if(out.begin(), out.end(), [&](const Prototype* q) { return q->lineageId == p->lineageId; });
        if (same == out.end()) out.push_back(p);
        else if (p->version > (*same)->version) *same = p;
    }
    return out;
}

std::string ideaText(const EventState& s, const Prototype& p) {
    if (const Note* n = s.find<Note>(p.basedOnNoteId)) return n->text;
    if (const Cluster* c = s.find<Cluster>(p.basedOnClusterId)) return c->title;
    return {};
}

} // namespace

void PrototypesView::drawContent(ViewContext& ctx) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    if (Id focus = std::exchange(outcomeFocus().prototype, Id{})) {
        if (const Prototype* p = state.find<Prototype>(focus)) {
            session.team = p->teamId;
            m_selected = p->id;
        }
    }
    const Team* team = teamPicker(ctx, "##prototypes-team");
    if (!team) {
        ImGui::TextWrapped("%s", str(Str::NoTeams));
        return;
    }
    auto all = state.prototypesOfTeam(team->id);
    const Prototype* selected = state.find<Prototype>(m_selected);
    if (!selected || selected->teamId != team->id) selected = all.empty() ? nullptr : lineages(all).front(); // latest v of the first
    // A prototype created by this screen is opened at once.
    for (Id created : session.lastCreated())
        if (const Prototype* p = state.find<Prototype>(created); p && p->teamId == team->id && m_opened != created) {
            selected = p;
            m_opened = created;
            break;
        }
    m_selected = selected ? selected->id : Id{};

    // Photos dropped on the window go to the open prototype.
    for (const auto& path : takeDroppedFiles(session, isImageFile)) {
        if (selected) addPhoto(ctx, selected->id, path);
        else session.notify(str(Str::ProtoDropNeedsPrototype), true);
    }

    ImGui::BeginChild("##protolist", ImVec2(std::max(ImGui::GetContentRegionAvail().x * 0.28f, 240.0f * ctx.scale), 0), true);
    if (button(str(Str::ProtoAdd))) {
        AddPrototype add;
        add.team = team->id;
        add.title = str(Str::ProtoNewTitle);
        session.queue(add);
    }
    ImGui::Separator();
    if (all.empty()) ImGui::TextWrapped("%s", str(Str::ProtoNone));
    for (const Prototype* head : lineages(all)) {
        ImGui::PushID(idKey(head->lineageId));
        ImGui::PushFont(ctx.fonts.bold);
        ImGui::TextWrapped("%s", head->title.c_str());
        ImGui::PopFont();
        for (const Prototype* v : all) {
            if (v->lineageId != head->lineageId) continue;
            ImGui::PushID(idKey(v->id));
            std::string label = "v" + std::to_string(v->version) + " · " + formatLabel(v->format) + " · " + statusLabel(v->status);
            if (ImGui::Selectable(label.c_str(), v->id == m_selected)) m_selected = v->id;
            ImGui::PopID();
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##prototype", ImVec2(0, 0), false);
    if (const Prototype* p = state.find<Prototype>(m_selected)) drawPrototype(ctx, *p);
    ImGui::EndChild();
}

void PrototypesView::drawPrototype(ViewContext& ctx, const Prototype& p) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::PushID(idKey(p.id));
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextWrapped("%s — v%d", p.title.c_str(), p.version);
    ImGui::PopFont();

    float labelWidth = ImGui::GetFontSize() * 11;
    auto label = [&](Str key) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(str(key));
        ImGui::SameLine(labelWidth);
    };
    std::string text;
    label(Str::ProtoTitle);
    if (editText("##title", p.title, text)) session.queue(EditPrototype{p.id, text, {}, {}, {}, {}});
    label(Str::ProtoFormat);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##format", formatLabel(p.format).c_str())) {
        for (int i = 0; i < static_cast<int>(kPrototypeFormatCodes.size()); ++i) {
            auto f = static_cast<PrototypeFormat>(i);
            if (ImGui::Selectable(formatLabel(f).c_str(), f == p.format) && f != p.format)
                session.queue(EditPrototype{p.id, {}, {}, f, {}, {}});
        }
        ImGui::EndCombo();
    }
    label(Str::ProtoStatus);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##status", statusLabel(p.status).c_str())) {
        for (int i = 0; i < static_cast<int>(kPrototypeStatusCodes.size()); ++i) {
            auto st = static_cast<PrototypeStatus>(i);
            if (ImGui::Selectable(statusLabel(st).c_str(), st == p.status) && st != p.status)
                session.queue(EditPrototype{p.id, {}, {}, {}, st, {}});
        }
        ImGui::EndCombo();
    }
    label(Str::ProtoIdea);
    std::string idea = ideaText(state, p);
    ImGui::TextWrapped("%s", idea.empty() ? str(Str::ProtoNoIdea) : idea.c_str());
    float fieldWidth = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(str(Str::ProtoDescription));
    if (editMultiline("##description", p.description, text, ImVec2(fieldWidth, ImGui::GetTextLineHeight() * 5)))
        session.queue(EditPrototype{p.id, {}, text, {}, {}, {}});
    ImGui::TextUnformatted(str(Str::ProtoLearning));
    if (editMultiline("##learning", p.learningGoal, text, ImVec2(fieldWidth, ImGui::GetTextLineHeight() * 3)))
        session.queue(EditPrototype{p.id, {}, {}, {}, {}, text});

    ImGui::Spacing();
    if (button(str(Str::ProtoNewVersion))) {
        AddPrototypeVersion add;
        add.prototype = p.id;
        session.queue(add);
    }
    ImGui::SameLine();
    if (button(str(Str::ProtoStand))) {
        m_selected = p.id;
        outcomeFocus().prototype = p.id;
        session.view = ViewId::Stand;
    }
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, colours::kError);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    if (button(str(Str::ProtoDelete))) session.queue(DeletePrototype{p.id});
    ImGui::PopStyleColor(2);

    ImGui::Separator();
    drawPhotos(ctx, p);
    ImGui::Separator();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::StandFeedbackTitle));
    ImGui::PopFont();
    feedbackSummary(ctx, state.feedbackOf(p.id), false);
    ImGui::PopID();
}

void PrototypesView::drawPhotos(ViewContext& ctx, const Prototype& p) {
    Session& session = ctx.session;
    const EventState& state = session.state();
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(str(Str::ProtoPhotos));
    ImGui::PopFont();
    std::vector<const Photo*> photos;
    for (const auto& [id, photo] : state.photos)
        if (photo.prototypeId == p.id) photos.push_back(&photo);
    std::sort(photos.begin(), photos.end(), [](const Photo* a, const Photo* b) {
        return a->createdAt != b->createdAt ? a->createdAt < b->createdAt : a->id < b->id;
    });
    float side = 180.0f * ctx.scale;
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const Photo* photo : photos) {
        ImGui::PushID(idKey(photo->id));
        ImGui::BeginGroup();
        ImVec2 size;
        ImTextureID texture = photoThumbnails() ? photoThumbnails()->texture(session.engine()->store(), photo->id, size) : nullptr;
        float k = side / std::max({size.x, size.y, 1.0f});
        if (texture) {
            ImGui::Image(texture, ImVec2(size.x * k, size.y * k));
        } else { // no GL (tests) or not decodable: a frame with the size
            ImVec2 at = ImGui::GetCursorScreenPos();
            float w = side, h = side * static_cast<float>(photo->height) / static_cast<float>(std::max(photo->width, 1));
            ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + w, at.y + h), IM_COL32(0x80, 0x80, 0x80, 0xFF));
            ImGui::Dummy(ImVec2(w, h));
        }
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side);
        ImGui::TextDisabled("%d × %d %s", photo->width, photo->height, photo->caption.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::SmallButton(str(Str::ProtoPhotoDelete))) session.queue(DeletePhoto{photo->id});
        ImGui::EndGroup();
        ImGui::PopID();
        if (ImGui::GetItemRectMax().x + side + 16 < right) ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::TextDisabled("%s", str(Str::ProtoPhotoHint));
    // Path, « Parcourir… », caption and « Ajouter » on one line, inside the width at 1280x720.
    float row = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 22, row * 0.36f));
    ImGui::InputTextWithHint("##photopath", str(Str::ProtoPhotoPath), &m_photoPath);
    recordLastItem("##photopath");
    ImGui::SameLine();
    if (button((std::string(str(Str::ButtonBrowse)) + "##photo").c_str())) m_photoPicker.open({1, PickMode::Open, FileKind::Image, {}, {}, {}});
    if (auto pick = m_photoPicker.draw(session, &ctx.settings.recentFiles)) addPhoto(ctx, p.id, pick->path); // chosen: added at once
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 12, row * 0.24f));
    ImGui::InputTextWithHint("##caption", str(Str::ProtoPhotoCaption), &m_caption);
    ImGui::SameLine();
    if (button(str(Str::ProtoPhotoAdd)) && !m_photoPath.empty()) {
        addPhoto(ctx, p.id, m_photoPath);
        m_photoPath.clear();
    }
}

void PrototypesView::addPhoto(ViewContext& ctx, Id prototype, const std::string& path) {
    try {
        PhotoData photo = preparePhotoFile(path);
        AddPhoto add;
        add.prototype = prototype;
        add.data = base64Encode(photo.bytes);
        add.mime = photo.mime;
        add.width = photo.width;
        add.height = photo.height;
        add.caption = m_caption;
        m_caption.clear();
        ctx.session.queue(std::move(add));
    } catch (const Error& e) {
        ctx.session.notify(e.what(), true);
    }
}

} // namespace atelier
