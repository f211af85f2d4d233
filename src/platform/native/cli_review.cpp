// `hindsight review`: apply a reviewer's reply link to a draft, list the comments (a CI gate on open ones), and make
// a reply link from a reviewer's edited copy. See docs/cli.md.
#include <filesystem>

#include "core/format.h"
#include "core/review.h"
#include "core/review_reply.h"
#include "platform/native/cli_common.h"
#include "platform/native/cli_input.h"

namespace hs::cli {

namespace {

Instant now() { return Instant{now_ms(), 0, true}; }

// A reply given as the link itself, "-" for standard input, or a file holding it.
bool reply_text(const std::string& arg, std::string& text) {
    std::string why;
    std::error_code ec;
    if (arg == "-" || (arg.find('#') == std::string::npos && std::filesystem::is_regular_file(arg, ec))) {
        if (!read_input(arg, text, why)) {
            err(display_name(arg) + ": " + why + "\n");
            return false;
        }
        return true;
    }
    text = arg;
    return true;
}

int review_apply(const Args& a) {
    need_count(a, 3, 3, "DRAFT and REPLY (a reply link, a file holding one, or - for standard input)");
    const std::string& path = a.positional[1];
    if (a.options.count("--write") && path == "-") throw UsageError{"--write needs a DRAFT file, not -."};
    Document d;
    if (!load_file(path, d)) return kBadInput;
    std::string link;
    if (!reply_text(a.positional[2], link)) return kBadInput;
    DecodeOptions o;
    if (!read_passphrase(a, o.passphrase)) return kBadInput;
    const ReplyDecodeResult r = decode_reply(link, o);
    if (!r.ok) {
        err(std::string("hindsight review apply (") + link_error_name(r.error.kind) + "): " + r.error.message + "\n");
        return kBadInput;
    }
    const ApplyReplyResult res = apply_reply(d, r.reply);
    if (!res.ok) {
        err(display_name(path) + ": " + res.message + "\n");
        return kBadInput;
    }
    for (const std::string& line : res.added) out("+ " + line + "\n");
    err(res.message + "\n");
    if (!a.options.count("--write")) {
        if (!res.added.empty()) err("(not written: add --write to save it to " + path + ")\n");
        return kOk;
    }
    std::string why;
    if (!res.added.empty() && !write_file_atomically(path, save_document(d, true) + "\n", why)) {
        err(path + ": " + why + "\n");
        return kBadInput;
    }
    return kOk;
}

std::string one_line(const std::string& s) {
    std::string o;
    for (char c : s) o += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return o;
}

int review_list(const Args& a) {
    need_count(a, 2, 2, "FILE");
    Document d;
    if (!load_file(a.positional[1], d)) return kBadInput;
    const bool only_open = a.options.count("--open") > 0;
    size_t open = 0;
    for (const Comment& c : d.comments) {
        const bool resolved = comment_resolved(c);
        if (!resolved) ++open;
        if (only_open && resolved) continue;
        const AnchorStatus s = resolve_anchor(d, c.anchor).status;
        std::string where = c.anchor.path;
        if (!c.anchor.exact.empty()) where += " \"" + one_line(c.anchor.exact) + "\"";
        if (s == AnchorStatus::Orphaned) where += " (on deleted text)";
        out(c.id + "\t" + (resolved ? "resolved" : "open") + "\t" + (c.author.empty() ? "?" : c.author) + "\t" +
            where + "\t" + one_line(c.text) + "\t" + std::to_string(c.replies.size()) + " replies\n");
    }
    size_t open_suggestions = 0;
    for (const Suggestion& s : d.suggestions) open_suggestions += s.state == defaults::kSuggestionState;
    err(std::to_string(open) + " open comment" + (open == 1 ? "" : "s") + " of " + std::to_string(d.comments.size()) +
        ", " + std::to_string(open_suggestions) + " open suggestion" + (open_suggestions == 1 ? "" : "s") +
        "; review state: " + review_state(d) + ".\n");
    return only_open && open > 0 ? kBadInput : kOk;
}

// The reviewer: --reviewer, else the one name on what the copy adds.
std::string reviewer_of(const Args& a, const Document& base, const Document& copy) {
    auto it = a.options.find("--reviewer");
    if (it != a.options.end()) return it->second;
    const ReviewReply probe = make_reply(base, copy, "", now());
    std::string name;
    auto take = [&](const std::string& n) {
        if (n.empty()) return;
        if (!name.empty() && name != n)
            throw UsageError{"the copy adds comments from several people (" + name + ", " + n +
                             "); say whose reply this is with --reviewer NAME."};
        name = n;
    };
    for (const Comment& c : probe.comments) take(c.author);
    for (const ReplyAnswer& x : probe.answers) take(x.reply.author);
    for (const Approval& p : copy.approvals)
        if (std::none_of(base.approvals.begin(), base.approvals.end(),
                         [&](const Approval& b) { return b.reviewer == p.reviewer && b.at == p.at; }))
            take(p.reviewer);
    if (name.empty()) throw UsageError{"no name on what the copy adds; give --reviewer NAME."};
    return name;
}

int review_reply(const Args& a) {
    need_count(a, 2, 2, "FILE (the reviewer's copy)");
    if (!a.options.count("--base")) throw UsageError{"missing --base BASEFILE (the version the reviewer received)."};
    Document copy, base;
    if (!load_file(a.positional[1], copy) || !load_file(a.options.at("--base"), base)) return kBadInput;
    const ReviewReply r = make_reply(base, copy, reviewer_of(a, base, copy), now());
    if (reply_is_empty(r)) {
        err(display_name(a.positional[1]) + ": adds nothing to " + a.options.at("--base") +
            " (no new comment, reply, resolution, suggestion, edit or decision).\n");
        return kBadInput;
    }
    EncodeOptions o;
    o.base_url = a.options.count("--base-url") ? a.options.at("--base-url") : "";
    if (!read_passphrase(a, o.passphrase)) return kBadInput;
    const std::string link = encode_reply(r, o);
    if (link.empty()) {
        err("hindsight review reply: the link could not be made (the cryptography library did not start).\n");
        return kBadInput;
    }
    out(link + "\n");
    return kOk;
}

}  // namespace

int cmd_review(const std::vector<std::string>& argv) {
    const Args a = parse_args(argv, {"--write", "--open"},
                              {"--passphrase-file", "--base", "--reviewer", "--base-url"});
    if (a.positional.empty()) throw UsageError{"missing the action: apply, list or reply."};
    const std::string& action = a.positional[0];
    auto only = [&](std::initializer_list<const char*> allowed) {
        for (const auto& kv : a.options) {
            bool ok = false;
            for (const char* o : allowed) ok = ok || kv.first == o;
            if (!ok) throw UsageError{kv.first + " does not apply to review " + action + "."};
        }
    };
    if (action == "apply") {
        only({"--write", "--passphrase-file"});
        return review_apply(a);
    }
    if (action == "list") {
        only({"--open"});
        return review_list(a);
    }
    if (action == "reply") {
        only({"--base", "--reviewer", "--passphrase-file", "--base-url"});
        return review_reply(a);
    }
    throw UsageError{"unknown review action \"" + action + "\"; use apply, list or reply."};
}

}  // namespace hs::cli
