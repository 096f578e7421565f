// Issue 14, legible at any projector resolution: every projector content drawn by the real app
// at each output size, and its text audited from the draw lists (not from a screenshot): no
// glyph cut by its clip rectangle or the edge of the output, body text at least 1/36 of the
// output height, note text on a projected board at least 1/45.
#include "app_headless.hpp"
#include "drawn_text.hpp"
#include "participation/open_participation.hpp"

#include "board/board_draw.hpp"
#include "board/board_projection.hpp"
#include "presentation.hpp"

#include <catch2/catch.hpp>

#include <cfloat>
#include <cstring>
#include <map>
#include <sstream>
#include <unordered_map>

using namespace atelier;
using atelier::test::Headless;

namespace {

const ImVec2 kOutputs[] = {{800, 600}, {1024, 768}, {1280, 720}, {1280, 800}, {1920, 1080}, {3840, 2160}};

struct TextAudit {
    int glyphs = 0;
    float smallestBody = FLT_MAX; // pixel size of the smallest glyph outside the board
    float smallestNote = FLT_MAX; // … and on the board
    std::vector<std::string> clipped;
};

std::uint64_t uvKey(float u, float v) {
    std::uint32_t a = 0, b = 0;
    std::memcpy(&a, &u, 4);
    std::memcpy(&b, &v, 4);
    return (std::uint64_t{a} << 32) | b;
}

bool straddles(ImVec2 a, ImVec2 b, ImVec4 r) {
    bool inside = a.x >= r.x - 0.5f && a.y >= r.y - 0.5f && b.x <= r.z + 0.5f && b.y <= r.w + 0.5f;
    bool outside = b.x <= r.x || a.x >= r.z || b.y <= r.y || a.y >= r.w;
    return !inside && !outside;
}

// Every glyph quad of the frame: four vertices textured from a glyph of one of the atlas's
// fonts. Its drawn pixel size is its height over the glyph's height in the font, times the
// font's size. A textured quad that matches no glyph is one ImGui cut on the CPU (clipped).
TextAudit auditText(const ImDrawData& data, ImVec2 output, ImVec4 boardClip) {
    struct GlyphRef {
        const ImFont* font;
        const ImFontGlyph* glyph;
    };
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::unordered_map<std::uint64_t, GlyphRef> byUv;
    for (const ImFont* font : atlas->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) byUv[uvKey(g.U0, g.V0)] = {font, &g};
    ImVec2 white = atlas->TexUvWhitePixel;
    ImVec4 lines(1, 1, 0, 0); // the baked anti-aliased lines: textured, not text
    for (const ImVec4& l : atlas->TexUvLines) {
        lines.x = std::min(lines.x, std::min(l.x, l.z));
        lines.y = std::min(lines.y, std::min(l.y, l.w));
        lines.z = std::max(lines.z, std::max(l.x, l.z));
        lines.w = std::max(lines.w, std::max(l.y, l.w));
    }
    TextAudit audit;
    ImVec4 screen(0, 0, output.x, output.y);
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList* list = data.CmdLists[n];
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            unsigned lo = ~0u, hi = 0;
            for (unsigned i = 0; i < cmd.ElemCount; ++i) {
                unsigned v = list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)] + cmd.VtxOffset;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            bool onBoard = std::abs(cmd.ClipRect.x - boardClip.x) < 0.5f && std::abs(cmd.ClipRect.y - boardClip.y) < 0.5f &&
                           std::abs(cmd.ClipRect.z - boardClip.z) < 0.5f && std::abs(cmd.ClipRect.w - boardClip.w) < 0.5f;
            for (unsigned i = lo; i + 3 <= hi;) {
                const ImDrawVert* v = &list->VtxBuffer[static_cast<int>(i)];
                bool textured = v[0].uv.x != white.x || v[0].uv.y != white.y;
                bool quad = v[0].pos.y == v[1].pos.y && v[2].pos.y == v[3].pos.y && v[0].pos.x == v[3].pos.x &&
                            v[1].pos.x == v[2].pos.x && v[0].uv.y == v[1].uv.y && v[0].uv.x == v[3].uv.x && v[2].pos.y > v[0].pos.y &&
                            v[2].pos.x > v[0].pos.x;
                bool line = v[0].uv.x >= lines.x && v[0].uv.x <= lines.z && v[0].uv.y >= lines.y && v[0].uv.y <= lines.w;
                if (!textured || !quad || line) {
                    ++i;
                    continue;
                }
                ImVec2 a = v[0].pos, b = v[2].pos;
                std::ostringstream where;
                where << "glyph at (" << a.x << ", " << a.y << ")-(" << b.x << ", " << b.y << ")";
                auto found = byUv.find(uvKey(v[0].uv.x, v[0].uv.y));
                if (found == byUv.end() || found->second.glyph->U1 != v[2].uv.x || found->second.glyph->V1 != v[2].uv.y) {
                    audit.clipped.push_back(where.str() + ": cut by its clip rectangle (CPU)");
                } else {
                    ++audit.glyphs;
                    const ImFontGlyph& g = *found->second.glyph;
                    float size = g.Y1 > g.Y0 ? (b.y - a.y) / (g.Y1 - g.Y0) * found->second.font->FontSize : FLT_MAX;
                    float& smallest = onBoard ? audit.smallestNote : audit.smallestBody;
                    if (g.Y1 - g.Y0 >= 2) smallest = std::min(smallest, size); // a dot or a dash is too thin to measure
                    if (straddles(a, b, cmd.ClipRect)) audit.clipped.push_back(where.str() + ": cut by its clip rectangle");
                    if (straddles(a, b, screen)) audit.clipped.push_back(where.str() + ": cut by the edge of the output");
                }
                i += 4;
            }
        }
    }
    return audit;
}

// The projector full screen at one output size, two frames drawn, the last one audited.
TextAudit drawAt(Headless& h, ImVec2 output) {
    ImGui::GetIO().DisplaySize = output;
    h.app().fonts().setProjectorHeight(output.y);
    h.session().toasts().clear();
    board::lastProjection() = {board::WorldRect{}, ImVec4(-1, -1, -1, -1)};
    h.frames(2);
    h.session().toasts().clear();
    h.frame();
    return auditText(*ImGui::GetDrawData(), output, board::lastProjection().screen);
}

void checkLegible(const TextAudit& a, ImVec2 output, bool expectText = true) {
    INFO(output.x << "x" << output.y << ": " << a.glyphs << " glyphs, smallest body " << a.smallestBody << " px, smallest note "
                  << a.smallestNote << " px");
    if (expectText) CHECK(a.glyphs > 0);
    for (const std::string& c : a.clipped) FAIL_CHECK(c);
    CHECK(a.smallestBody >= output.y / 36.0f - 0.5f);
    CHECK(a.smallestNote >= output.y / 45.0f - 0.5f);
}

Challenge longBrief() {
    Challenge c;
    c.number = 7;
    c.question = "Comment rendre l’accueil des usagers plus simple et plus humain dans nos mairies de quartier ?";
    c.owner = "Ville de Rennes";
    c.territory = "Ille-et-Vilaine";
    std::string para = "Les usagers attendent longtemps, ne savent pas à quel guichet s’adresser et repartent souvent sans "
                       "réponse — œuvre commune, « là où ça coince ». ";
    for (int i = 0; i < 6; ++i) c.stakes += para, c.obstacles += para, c.levers += para, c.stakeholders += para;
    return c;
}

void presentFullScreen(Headless& h, ProjectorContent content, Id team) {
    h.session().view = ViewId::Projector;
    h.session().presentationFullScreen = true;
    h.session().projectorContent = content;
    h.session().projectorTeam = team;
    h.session().projectorPage = 0;
}

Id firstTeam(Headless& h) { return h.state().teamsInOrder().front()->id; }

void addFortyNotes(Headless& h, Id team) {
    h.session().engine()->apply(SetPrivateWriting{team, false});
    for (int i = 0; i < 40; ++i) {
        AddNote n;
        n.team = team;
        n.text = "Idée " + std::to_string(i + 1) + " : un guichet unique, ouvert le samedi";
        n.x = (i % 8) * 230.0;
        n.y = 600 + (i / 8) * 230.0;
        h.session().engine()->apply(n);
    }
}

// Every page (brief) or region (board) the content has, audited at each output size.
void auditEveryPage(Headless& h, const char* what) {
    for (ImVec2 out : kOutputs) {
        h.session().projectorPage = 0;
        TextAudit first = drawAt(h, out);
        int pages = h.session().projectorPages;
        INFO(what << ", page 1 of " << pages);
        checkLegible(first, out);
        for (int page = 1; page < pages; ++page) {
            INFO(what << ", page " << page + 1 << " of " << pages);
            h.session().projectorPage = page;
            checkLegible(drawAt(h, out), out);
        }
    }
}

} // namespace

TEST_CASE("projector text: the timer alone, idle, running, paused and at zero", "[app][projector]") {
    Headless h;
    presentFullScreen(h, ProjectorContent::TimerOnly, Id{});
    for (ImVec2 out : kOutputs) checkLegible(drawAt(h, out), out); // no countdown yet: the preset
    StartTimer start;
    start.seconds = 20 * 60;
    h.session().engine()->apply(start);
    Id timer = h.session().timerFor(Id{})->id;
    h.clock().advance(90 * 1000);
    for (ImVec2 out : kOutputs) checkLegible(drawAt(h, out), out);
    h.session().engine()->apply(PauseTimer{timer});
    for (ImVec2 out : kOutputs) checkLegible(drawAt(h, out), out);
    h.session().engine()->apply(ResumeTimer{timer});
    h.clock().advance(30 * 60 * 1000); // past zero: « Temps écoulé »
    for (ImVec2 out : kOutputs) checkLegible(drawAt(h, out), out);
    // A team's timer, paused, the widest countdown, over the programme: the phase in the header.
    Id team = firstTeam(h);
    StartTimer own;
    own.team = team;
    own.phase = Phase::Prototype;
    own.seconds = 125 * 60; // « 2:05:00 »: the widest countdown
    h.session().engine()->apply(own);
    h.session().engine()->apply(PauseTimer{h.session().timerFor(team)->id});
    presentFullScreen(h, ProjectorContent::Programme, team);
    for (ImVec2 out : kOutputs) checkLegible(drawAt(h, out), out);
}

TEST_CASE("projector text: a long défi brief, every page, with a paused timer", "[app][projector]") {
    Headless h;
    Id team = firstTeam(h);
    Challenge c = longBrief();
    AddChallenge add;
    add.number = 77;
    add.question = c.question;
    add.owner = c.owner;
    add.territory = c.territory;
    add.stakes = c.stakes;
    add.stakeholders = c.stakeholders;
    add.obstacles = c.obstacles;
    add.levers = c.levers;
    h.session().engine()->apply(add);
    Id challenge;
    for (const Challenge* ch : h.state().challengesInOrder())
        if (ch->number == 77) challenge = ch->id;
    StartTimer start;
    start.team = team;
    start.seconds = 7 * 60 + 30;
    h.session().engine()->apply(start);
    h.session().engine()->apply(PauseTimer{h.session().timerFor(team)->id});
    presentFullScreen(h, ProjectorContent::Challenge, team);
    h.session().projectorChallenge = challenge;
    auditEveryPage(h, "brief");
    CHECK(h.session().projectorPages > 1);
}

TEST_CASE("projector text: a 40-note board region by region, private writing, vote results, blank", "[app][projector]") {
    Headless h;
    Id team = firstTeam(h);
    addFortyNotes(h, team);
    AddCluster cluster;
    cluster.team = team;
    cluster.title = "Accueil du samedi matin";
    cluster.x = 0;
    cluster.y = 0;
    h.session().engine()->apply(cluster);
    presentFullScreen(h, ProjectorContent::Board, team);
    auditEveryPage(h, "board");

    // Private writing: the banner says how many notes the room cannot read.
    h.session().engine()->apply(SetPrivateWriting{team, true});
    AddNote secret;
    secret.team = team;
    secret.text = "pas encore dévoilé";
    h.session().engine()->apply(secret);
    auditEveryPage(h, "board in private writing");

    presentFullScreen(h, ProjectorContent::Vote, team);
    for (ImVec2 out : kOutputs) checkLegible(drawAt(h, out), out);

    presentFullScreen(h, ProjectorContent::TimerOnly, Id{});
    h.session().projectorBlank = true;
    for (ImVec2 out : kOutputs) {
        TextAudit blank = drawAt(h, out);
        CHECK(blank.glyphs == 0); // the room sees black
        CHECK(blank.clipped.empty());
    }
}

// Problem 6 again, and its regions: a note is in one region whole, never cut at a region's edge.
TEST_CASE("projector text: joining from a phone, the QR code beside the address and the code, at every size", "[app][projector][participation]") {
    Headless h;
    openParticipation(h.session(), {.bind = "127.0.0.1", .port = 0, .code = "K7P2QX"});
    presentFullScreen(h, ProjectorContent::Join, Id{});
    for (ImVec2 out : kOutputs) {
        TextAudit audit = drawAt(h, out);
        checkLegible(audit, out);
        test::DrawnText drawn = test::DrawnText::capture();
        INFO(out.x << "x" << out.y);
        CHECK(drawn.find("K7P2QX").visible); // to type, for whoever cannot scan
        CHECK(drawn.find("Rejoindre").found); // the heading, on one line or two
    }
    h.session().participation.reset();
}

TEST_CASE("projector: board regions never cut a note", "[app][projector]") {
    Headless h;
    Id team = firstTeam(h);
    addFortyNotes(h, team);
    presentFullScreen(h, ProjectorContent::Board, team);
    for (ImVec2 out : kOutputs) {
        drawAt(h, out);
        int pages = h.session().projectorPages;
        INFO(out.x << "x" << out.y << ", " << pages << " regions");
        if (out.y <= 1080) CHECK(pages > 1);
        std::map<Id, int> shown; // how many regions hold each note
        for (int page = 0; page < pages; ++page) {
            h.session().projectorPage = page;
            drawAt(h, out);
            board::WorldRect region = board::lastProjection().world;
            for (const auto& [id, note] : h.state().notes) {
                if (note.teamId != team) continue;
                board::WorldRect r{static_cast<float>(note.x), static_cast<float>(note.y), static_cast<float>(note.x + note.width),
                                   static_cast<float>(note.y + note.height)};
                if (!r.overlaps(region)) continue;
                CHECK(r.inside(region));
                ++shown[id];
            }
        }
        for (const auto& [id, note] : h.state().notes)
            if (note.teamId == team) CHECK(shown[id] == 1);
    }
}

// Problem 8: the « ★ Piste retenue » tag covered the regroupement's title on the projector.
TEST_CASE("projector: the piste retenue tag never covers a regroupement's title", "[app][projector]") {
    Headless h;
    Id team = firstTeam(h);
    h.session().engine()->apply(SetPrivateWriting{team, false});
    AddCluster cluster;
    cluster.team = team;
    cluster.title = "Accueil du samedi";
    cluster.x = 5000;
    cluster.y = 5000;
    Id clusterId = h.session().engine()->apply(cluster).created.front();
    AddNote top; // right under the title band, as the board lays a regroupement's first row
    top.team = team;
    top.text = "Un guichet unique";
    top.cluster = clusterId;
    top.x = 5020;
    top.y = 5000 + board::kClusterHeader;
    Id noteId = h.session().engine()->apply(top).created.front();
    SelectIdea pick;
    pick.team = team;
    pick.note = noteId;
    h.session().engine()->apply(pick);

    const FontSet& fonts = h.app().fonts().set();
    board::BoardLayout layout;
    layout.update(h.state(), team, fonts.regular);
    const board::ClusterItem* c = layout.cluster(clusterId);
    REQUIRE(c);
    for (float zoom : {0.6f, 1.0f, 1.9f, 3.0f}) {
        INFO("zoom " << zoom);
        board::Camera camera;
        camera.setViewport(ImVec2(0, 0), ImVec2(1920, 1080));
        camera.set(ImVec2(4900, 4900), zoom);
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        list.PushClipRectFullScreen();
        list.PushTextureID(ImGui::GetIO().Fonts->TexID);
        board::lastChosenTag() = ImVec4(0, 0, 0, 0);
        board::DrawOptions options;
        options.fonts = &fonts;
        options.projector = true;
        board::drawBoard(&list, layout, camera, options);
        ImVec4 tag = board::lastChosenTag();
        REQUIRE(tag.z > tag.x); // drawn
        ImVec2 a = camera.toScreen(ImVec2(c->header().x0, c->header().y0)), b = camera.toScreen(ImVec2(c->header().x1, c->header().y1));
        bool overlaps = tag.x < b.x && tag.z > a.x && tag.y < b.y && tag.w > a.y;
        CHECK_FALSE(overlaps);
    }
}
