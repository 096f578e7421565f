#include "server/participant_server.hpp"

#include "actions/action_json.hpp"
#include "assets/assets.hpp"
#include "engine/changed_teams.hpp"
#include "engine/engine.hpp"
#include "model/clock.hpp"
#include "model/errors.hpp"
#include "model/language.hpp"

#include <httplib.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <optional>
#include <regex>

namespace atelier {

using nlohmann::json;
using namespace participation;

namespace {

thread_local bool t_refuseConnection = false;

// SCHED_IDLE for the calling thread only (Linux: a thread's policy is its own; see
// ParticipantServerOptions::idleThreads). Lowering it needs no privilege; where it fails the
// thread keeps the priority it had.
void lowerThisThread(bool idle) {
    if (!idle) return;
    sched_param param{};
    param.sched_priority = 0;
    sched_setscheduler(static_cast<pid_t>(syscall(SYS_gettid)), SCHED_IDLE, &param);
}

Millis wallNow() { return SystemClock().now(); }

std::string dumpJson(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

void sendJson(httplib::Response& res, int status, const json& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(dumpJson(body), "application/json; charset=utf-8");
}

void refuse(httplib::Response& res, int status, const std::string& reason, const std::string& message) {
    sendJson(res, status, json{{"ok", false}, {"reason", reason}, {"error", message}});
}

const char* codeReason(CodeCheck check) {
    switch (check) {
    case CodeCheck::Missing: return "missing_code";
    case CodeCheck::Old: return "old_code";
    case CodeCheck::Wrong: return "wrong_code";
    case CodeCheck::Valid: break;
    }
    return "";
}

std::string mimeOf(const std::string& name) {
    auto ends = [&](const char* ext) { return name.size() > std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::string::npos, ext) == 0; };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    return "application/octet-stream";
}

// The phone's language: the one its page shows (X-Atelier-Lang), else the browser's first
// choice (Accept-Language); French unless it is English, like the page.
Language requestLanguage(const httplib::Request& req) {
    std::string wanted = req.get_header_value("X-Atelier-Lang");
    if (wanted.empty()) {
        wanted = req.get_header_value("Accept-Language");
        wanted = wanted.substr(0, wanted.find_first_of(",;"));
    }
    auto begin = wanted.find_first_not_of(" \t");
    if (begin == std::string::npos) return Language::French;
    bool english = wanted.size() >= begin + 2 && std::tolower(static_cast<unsigned char>(wanted[begin])) == 'e' &&
                   std::tolower(static_cast<unsigned char>(wanted[begin + 1])) == 'n' &&
                   (wanted.size() == begin + 2 || wanted[begin + 2] == '-' || wanted[begin + 2] == '_' || wanted[begin + 2] == ' ');
    return english ? Language::English : Language::French;
}

// httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled into Debian's library):
// a room arriving at once overflows it, the kernel drops their connections' first packets and
// the phones wait for TCP's retransmissions (1 s, 3 s, 7 s…: 400 connections took 23 s on loopback).
// listen() again on the bound socket raises it; httplib keeps its socket private, so it is found
// among ours by the port it listens on. Returns false when it was not found.
bool widenBacklog(int port, int backlog) {
    bool widened = false;
    DIR* fds = opendir("/proc/self/fd");
    if (!fds) return false;
    while (dirent* entry = readdir(fds)) {
        char* end = nullptr;
        long fd = std::strtol(entry->d_name, &end, 10);
        if (end == entry->d_name || *end || fd == dirfd(fds)) continue;
        int listening = 0;
        socklen_t size = sizeof listening;
        if (getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || !listening) continue;
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&address), &length) != 0) continue;
        int bound = address.ss_family == AF_INET    ? ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port)
                    : address.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port)
                                                    : -1;
        if (bound == port && ::listen(static_cast<int>(fd), backlog) == 0) widened = true;
    }
    closedir(fds);
    return widened;
}

} // namespace

// A fixed number of worker threads and a bounded number of connections waiting for them
// (httplib's own pool has an unbounded queue). Past maxConnections, a connection goes to two
// refusal threads instead, where every request is answered « 503, réessayez » (the pre-routing
// handler sees t_refuseConnection) without reaching the engine; past their own bound, the
// accepting thread answers it itself.
class ParticipantServer::BoundedQueue final : public httplib::TaskQueue {
public:
    BoundedQueue(std::size_t threads, std::size_t capacity, std::atomic<std::size_t>& refused, bool idle)
        : m_capacity(capacity), m_refused(refused) {
        for (std::size_t i = 0; i < threads; ++i) m_threads.emplace_back([this, idle] {
            lowerThisThread(idle);
            work(m_jobs, false);
        });
        for (int i = 0; i < 2; ++i) m_threads.emplace_back([this, idle] {
            lowerThisThread(idle);
            work(m_refusals, true);
        });
    }
    void enqueue(std::function<void()> fn) override {
        {
            std::lock_guard lock(m_mutex);
            if (m_jobs.size() + m_busy < m_capacity && !m_shutdown) {
                m_jobs.push_back(std::move(fn));
                m_ready.notify_all();
                return;
            }
            ++m_refused;
            if (m_refusals.size() < m_capacity && !m_shutdown) {
                m_refusals.push_back(std::move(fn));
                m_ready.notify_all();
                return;
            }
        }
        t_refuseConnection = true;
        fn();
        t_refuseConnection = false;
    }
    void shutdown() override {
        {
            std::lock_guard lock(m_mutex);
            m_shutdown = true;
        }
        m_ready.notify_all();
        for (auto& t : m_threads) t.join();
    }

private:
    void work(std::deque<std::function<void()>>& jobs, bool refusing) {
        t_refuseConnection = refusing;
        for (;;) {
            std::function<void()> fn;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return m_shutdown || !jobs.empty(); });
                if (jobs.empty()) return;
                fn = std::move(jobs.front());
                jobs.pop_front();
                if (!refusing) ++m_busy;
            }
            fn();
            if (refusing) continue;
            std::lock_guard lock(m_mutex);
            --m_busy;
        }
    }
    std::size_t m_capacity;
    std::atomic<std::size_t>& m_refused;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs, m_refusals;
    std::size_t m_busy = 0;
    bool m_shutdown = false;
    std::vector<std::thread> m_threads;
};

class ParticipantServer::Http final : public httplib::Server {};

ParticipantServer::ParticipantServer(ParticipantServerOptions options)
    : m_options(std::move(options)), m_codes(m_options.code.empty() ? JoinCodes() : JoinCodes(m_options.code)),
      m_writeLimit(5, 20), m_joinLimit(20, 400), m_standLimit(20, 400), m_queue(1000),
      m_builder([idle = m_options.idleThreads] { lowerThisThread(idle); }) {
    m_actions.setServedTeam(m_options.servedTeam);
}

ParticipantServer::~ParticipantServer() { stop(); }

std::shared_ptr<const ParticipantSnapshot> ParticipantServer::snapshot(const std::string& token) {
    // A phone's read after its write shows that write: the builder is a few milliseconds behind
    // at most; past the bound the phone gets the snapshot at hand and its next poll the rest.
    std::uint64_t wanted = 0;
    if (!token.empty()) {
        std::lock_guard lock(m_readAfterMutex);
        if (auto it = m_readAfter.find(token); it != m_readAfter.end()) {
            wanted = it->second;
            m_readAfter.erase(it);
        }
    }
    if (wanted && m_builder.published() < wanted) m_builder.waitFor(wanted, std::chrono::milliseconds(500));
    return m_builder.latest();
}

std::size_t ParticipantServer::pump(Engine& engine, bool drainRequests) {
    std::size_t ran = drainRequests ? m_queue.drain(engine) : 0;
    const EventState& state = engine.state();
    if (!m_submittedAny || m_snapshotEngine != engine.serial() || m_snapshotRevision != state.revision) {
        std::optional<std::unordered_set<Id>> changed;
        if (m_submittedAny && m_snapshotEngine == engine.serial()) changed = teamsChangedSince(engine, m_snapshotRevision);
        else m_knownTeams.clear();
        // Only the copy here, on the engine's thread; the JSON on the builder's.
        SnapshotRows rows = copyRows(state, m_actions.writtenInPrivate(), changed ? &*changed : nullptr, &m_knownTeams, m_options.servedTeam,
                                     &m_actions.teamNotes(engine));
        for (const auto& [team, unused] : rows.changed) m_knownTeams.insert(team);
        std::uint64_t number = m_builder.submit(std::move(rows));
        if (!m_submittedAny) m_builder.waitFor(number, std::chrono::seconds(10));
        m_submittedAny = true;
        m_snapshotEngine = engine.serial();
        m_snapshotRevision = state.revision;
    }
    return ran;
}

std::string ParticipantServer::joinUrl(const std::string& host) const {
    return "http://" + host + ":" + std::to_string(m_port) + "/?c=" + m_codes.current();
}

std::string ParticipantServer::standUrl(const std::string& host, const std::string& standCode) const {
    return "http://" + host + ":" + std::to_string(m_port) + "/?s=" + standCode;
}

void ParticipantServer::start() {
    if (m_running) return;
    m_http = std::make_unique<Http>();
    auto& http = *m_http;
    const std::size_t threads = m_options.threads, capacity = m_options.maxConnections;
    http.new_task_queue = [this, threads, capacity] { return new BoundedQueue(threads, capacity, m_refused, m_options.idleThreads); };
    http.set_read_timeout(m_options.readTimeoutSeconds, 0);
    http.set_write_timeout(m_options.writeTimeoutSeconds, 0);
    http.set_payload_max_length(m_options.maxBody);
    // One request per connection: an idle keep-alive connection would hold a worker thread.
    http.set_keep_alive_max_count(1);
    http.set_default_headers({
        {"Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
    });
    routes();
    bool bound = m_options.port == 0 ? (m_port = http.bind_to_any_port(m_options.bind)) > 0
                                     : http.bind_to_port(m_options.bind, m_port = m_options.port);
    if (!bound) {
        m_http.reset();
        throw Error(trf("Impossible d’ouvrir la participation sur {}:{} : le port est peut-être déjà pris par un autre "
                        "programme. Choisissez un autre port.",
                        "Cannot open participation on {}:{}: the port may be taken by another program. Choose another port.",
                        m_options.bind, m_options.port));
    }
    widenBacklog(m_port, static_cast<int>(std::max<std::size_t>(capacity, 128)) + 128);
    m_running = true;
    m_listener = std::thread([this] {
        lowerThisThread(m_options.idleThreads);
        m_http->listen_after_bind();
    });
}

void ParticipantServer::stop() {
    // The queue first: a worker waiting for the engine's answer gets « fermée » at once, so
    // joining the workers never waits on the thread that is stopping them (the app's).
    m_queue.close();
    if (m_http) m_http->stop();
    if (m_listener.joinable()) m_listener.join();
    m_http.reset();
    m_running = false;
}

void ParticipantServer::routes() {
    auto& http = *m_http;
    // Errors httplib decides itself (404, 413 body too large, 400): a JSON message too.
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (res.status == 413)
            refuse(res, 413, "too_large", tr("Texte trop long : 16 Ko au plus par envoi.", "Text too long: at most 16 KB per request."));
        else if (res.status == 404)
            refuse(res, 404, "not_found", tr("Rien à cette adresse.", "Nothing at this address."));
        else
            refuse(res, res.status, "bad_request", tr("Demande illisible.", "Unreadable request."));
    });
    // Every answer to a request in its phone's language: this thread's from here (the error
    // handler runs on it too), and the engine's thread's while it runs the request (submit).
    http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        setThreadMessageLanguage(requestLanguage(req));
        if (!t_refuseConnection) return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("Retry-After", "2");
        refuse(res, 503, "busy", tr("Trop de connexions en même temps : réessayez dans quelques secondes.",
                                    "Too many connections at once: try again in a few seconds."));
        return httplib::Server::HandlerResponse::Handled;
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        refuse(res, 500, "internal", tr("Erreur inattendue du serveur : rien n’a été enregistré.", "Unexpected server error: nothing was saved."));
    });

    // Only the embedded page: a name of assets/web/, no folder, no dot-dot.
    static const std::regex kAssetName(R"(/([a-z0-9_-]{1,40}\.(html|css|js|svg))?)");
    http.Get(R"(/[^/]*)", [](const httplib::Request& req, httplib::Response& res) {
        std::smatch match;
        if (!std::regex_match(req.path, match, kAssetName)) {
            refuse(res, 404, "not_found", tr("Rien à cette adresse.", "Nothing at this address."));
            return;
        }
        std::string name = match[1].matched ? match[1].str() : "index.html";
        auto asset = assets::find("web/" + name);
        if (!asset) {
            refuse(res, 404, "not_found", tr("Rien à cette adresse.", "Nothing at this address."));
            return;
        }
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(asset->text()), mimeOf(name).c_str());
    });

    auto checkCode = [this](const httplib::Request& req, httplib::Response& res) {
        CodeCheck check = m_codes.check(req.get_header_value("X-Atelier-Code"));
        if (check == CodeCheck::Valid) return true;
        refuse(res, 403, codeReason(check), codeMessage(check));
        return false;
    };

    http.Get("/api/state", [this, checkCode](const httplib::Request& req, httplib::Response& res) {
        if (!checkCode(req, res)) return;
        std::string token = req.get_header_value("X-Atelier-Device");
        auto current = snapshot(token);
        if (!current) {
            refuse(res, 503, "starting", tr("Ouverture en cours : réessayez dans un instant.", "Opening: try again in a moment."));
            return;
        }
        if (token.empty()) {
            sendJson(res, 200, json{{"ok", true}, {"event", current->event}, {"now", wallNow()}});
            return;
        }
        auto device = m_devices.find(token);
        if (!device) {
            refuse(res, 401, "unknown_device", tr("Cet appareil n’est plus connu : rejoignez à nouveau votre équipe.",
                                                  "This device is no longer known: join your team again."));
            return;
        }
        m_devices.touch(token, wallNow());
        std::uint64_t since = 0;
        try {
            if (req.has_param("since")) since = std::stoull(req.get_param_value("since"));
        } catch (const std::exception&) {
            since = 0; // a garbled « since » costs a full answer, nothing more
        }
        std::vector<Id> held;
        for (const Device& d : m_devices.list())
            if (d.team == device->team && d.member) held.push_back(d.member);
        res.status = 200;
        res.set_header("Cache-Control", "no-store");
        res.set_content(teamViewText(*current, device->team, device->member, since, wallNow(), held,
                                     current->event.value("name", std::string())),
                        "application/json; charset=utf-8");
    });

    // A write: parsed here (size, UTF-8, JSON), run on the engine's thread, answered after the commit.
    auto submit = [this](httplib::Response& res, const std::string& token, std::function<json(Engine&)> task) {
        try {
            auto future = m_queue.submit([this, token, language = messageLanguage(), task = std::move(task)](Engine& engine) {
                ThreadMessageLanguage phone(language);
                const std::uint64_t before = engine.state().revision;
                json answer = task(engine);
                // Changed: the pump after this drain submits the next snapshot, which this
                // phone's next read waits for.
                if (engine.state().revision != before && !token.empty()) {
                    std::lock_guard lock(m_readAfterMutex);
                    m_readAfter[token] = m_builder.submitted() + 1;
                }
                return answer;
            });
            if (future.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
                refuse(res, 503, "busy", tr("L’ordinateur de l’animateur ne répond pas : votre envoi sera réessayé.",
                                            "The facilitator's computer is not answering: your message will be retried."));
                return;
            }
            json answer = future.get();
            sendJson(res, answer.value("ok", false) || answer.contains("confirm") ? 200 : 400, answer);
        } catch (const ValidationError& e) {
            refuse(res, 400, "refused", e.what());
        } catch (const StorageError& e) {
            refuse(res, 503, "storage", e.what());
        } catch (const Error& e) {
            refuse(res, 400, "refused", e.what());
        }
    };

    // A write's body, once the sender is within its rate and the body is one JSON action line;
    // otherwise the refusal is answered and nothing is returned.
    auto limitedBody = [](participation::RateLimit& limit, const std::string& key, const httplib::Request& req,
                              httplib::Response& res) -> std::optional<json> {
        if (!limit.allow(key, wallNow())) {
            res.set_header("Retry-After", "1");
            refuse(res, 429, "rate_limited", tr("Trop d’envois d’un coup : attendez une seconde.", "Too many sends at once: wait a second."));
            return std::nullopt;
        }
        try {
            return parseActionLine(req.body);
        } catch (const Error& e) {
            refuse(res, 400, "malformed", e.what());
            return std::nullopt;
        }
    };

    http.Post("/api/do", [this, checkCode, submit, limitedBody](const httplib::Request& req, httplib::Response& res) {
        if (!checkCode(req, res)) return;
        std::string token = req.get_header_value("X-Atelier-Device");
        std::optional<json> parsed = token.empty() ? limitedBody(m_joinLimit, "addr/" + req.remote_addr, req, res)
                                                   : limitedBody(m_writeLimit, token, req, res);
        if (!parsed) return;
        json request = std::move(*parsed);
        if (request.is_object() && request.value("do", "") == "feedback") {
            refuse(res, 400, "refused", tr("Les retours d’exposition passent par le code du stand.", "Exhibition feedback uses the stand code."));
            return;
        }
        submit(res, token, [this, token, request](Engine& engine) { return m_actions.handle(engine, token, request); });
    });

    http.Get("/api/stand", [this](const httplib::Request& req, httplib::Response& res) {
        auto current = snapshot();
        std::string code = normaliseCode(req.get_param_value("s"));
        auto stand = current ? current->stands.find(code) : decltype(current->stands.end()){};
        if (!current || stand == current->stands.end()) {
            refuse(res, 404, "unknown_stand", tr("Ce code de stand est inconnu : scannez à nouveau le QR code imprimé près du prototype.",
                                                 "Unknown stand code: scan the QR code printed beside the prototype again."));
            return;
        }
        sendJson(res, 200, json{{"ok", true}, {"title", stand->second.title}, {"team", stand->second.team},
                                {"event", current->event.value("name", std::string())}});
    });

    http.Post("/api/feedback", [this, submit, limitedBody](const httplib::Request& req, httplib::Response& res) {
        std::optional<json> parsed = limitedBody(m_standLimit, "addr/" + req.remote_addr, req, res);
        if (!parsed) return;
        json request = std::move(*parsed);
        if (request.is_object()) request["do"] = "feedback";
        submit(res, {}, [this, request](Engine& engine) { return m_actions.feedback(engine, request); });
    });
}

std::vector<std::string> localAddresses() {
    std::vector<std::string> addresses;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return addresses;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        char text[INET_ADDRSTRLEN] = {};
        auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
        if (!inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) continue;
        std::string address = text;
        if (address.rfind("127.", 0) == 0) continue;
        addresses.push_back(address);
    }
    freeifaddrs(list);
    return addresses;
}

} // namespace atelier
