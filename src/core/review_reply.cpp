// Reply links as text: the short-key JSON of a reply, checked field by field when read, in the share links' frame.
#include "review_reply.h"

#include <cstring>

#include "format.h"
#include "format_detail.h"
#include "link_detail.h"

namespace hs {

namespace {

// The latest time a reply may carry (9999-12-31T23:59:59Z), in seconds.
constexpr int64_t kMaxSeconds = 253402300799;
constexpr size_t kMaxIdBytes = 64;
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMaxTextBytes = 64u * 1024;
constexpr size_t kMaxHashChars = 32;
constexpr int kMaxDepth = 8;  // a reply nests 5 levels (reply, comments, comment, anchor or replies, reply)

// ---- writing ----
// Times are seconds after the reply's earliest time (its "t"), which is seconds since 1970: short numbers.
struct Writer {
    std::string reviewer;
    int64_t t0 = 0;
    Json seconds(const Instant& t) const { return Json(t.unix_ms / 1000 - t0); }
};

void put(Json& o, const char* k, const std::string& v) {
    if (!v.empty()) o[k] = v;
}
// The author, only when it is not the reviewer's.
void put_author(Json& o, const std::string& author, const std::string& reviewer) {
    if (author != reviewer) o["u"] = author;
}

Json anchor_json(const Anchor& a) {
    Json o = Json::object();
    put(o, "p", a.path);
    put(o, "q", a.exact);
    put(o, "b", a.prefix);
    put(o, "a", a.suffix);
    if (a.offset && *a.offset > 0) o["o"] = static_cast<int64_t>(*a.offset);
    return o;
}

Json reply_item_json(const CommentReply& r, const Writer& w) {
    Json o = {{"i", r.id}};
    if (r.created.set) o["t"] = w.seconds(r.created);
    put(o, "x", r.text);
    put_author(o, r.author, w.reviewer);
    return o;
}

Json mark_json(const Mark& m, const Writer& w) {
    Json o = {{"t", w.seconds(m.at)}};
    put_author(o, m.by, w.reviewer);
    return o;
}

Json comment_json(const Comment& c, const Writer& w) {
    Json o = {{"i", c.id}, {"a", anchor_json(c.anchor)}};
    if (c.created.set) o["t"] = w.seconds(c.created);
    put(o, "x", c.text);
    put_author(o, c.author, w.reviewer);
    if (!c.replies.empty()) {
        Json rs = Json::array();
        for (const CommentReply& r : c.replies) rs.push_back(reply_item_json(r, w));
        o["r"] = rs;
    }
    if (c.resolved.at.set) o["k"] = mark_json(c.resolved, w);
    if (c.reopened.at.set) o["o"] = mark_json(c.reopened, w);
    return o;
}

Json suggestion_json(const Suggestion& s, const Writer& w) {
    Json o = {{"i", s.id}, {"a", anchor_json(s.anchor)}, {"x", s.replacement}};
    if (s.created.set) o["t"] = w.seconds(s.created);
    put_author(o, s.author, w.reviewer);
    return o;
}

// The earliest time in the reply, in seconds (0 when it has none).
int64_t earliest(const ReviewReply& r) {
    int64_t t = -1;
    auto see = [&t](const Instant& i) {
        if (i.set && (t < 0 || i.unix_ms / 1000 < t)) t = i.unix_ms / 1000;
    };
    for (const Comment& c : r.comments) {
        see(c.created);
        for (const CommentReply& x : c.replies) see(x.created);
        see(c.resolved.at);
        see(c.reopened.at);
    }
    for (const ReplyAnswer& a : r.answers) see(a.reply.created);
    for (const ReplyMark& m : r.marks) see(m.mark.at);
    for (const Suggestion& s : r.suggestions) see(s.created);
    if (r.decision) see(r.decision->at);
    return t < 0 ? 0 : t;
}

// ---- reading: each step says what is wrong, in a phrase that completes "This reply ..." ----
struct Bad {
    std::string why;
};

const Json* field(const Json& o, const char* k) {
    auto it = o.find(k);
    return it == o.end() ? nullptr : &*it;
}

std::string text(const Json& o, const char* k, const char* what, size_t max_bytes, bool one_line = false) {
    const Json* v = field(o, k);
    if (!v) return "";
    if (!v->is_string()) throw Bad{std::string("has a ") + what + " that is not text"};
    std::string s = v->get<std::string>();
    if (s.size() > max_bytes) throw Bad{std::string("has a ") + what + " longer than " + std::to_string(max_bytes) +
                                        " bytes"};
    if (one_line && !schema::one_line_problem(s).empty()) throw Bad{std::string("has a ") + what +
                                                                    " with a line break or control character"};
    return s;
}

std::string id_of(const Json& o, const char* k = "i") {
    std::string s = text(o, k, "id", kMaxIdBytes, true);
    if (s.empty()) throw Bad{"has an element without an id"};
    return s;
}

// The reply's base time (its "t"), which the elements' times count from.
thread_local int64_t t_base = 0;

Instant time_of(const Json& o, const char* k = "t") {
    const Json* v = field(o, k);
    Instant t;
    if (!v) return t;
    if (!v->is_number_integer() || v->get<int64_t>() < 0 || v->get<int64_t>() > kMaxSeconds - t_base)
        throw Bad{"has a time that is not a number of seconds since 1970"};
    t.unix_ms = (t_base + v->get<int64_t>()) * 1000;
    t.set = true;
    return t;
}

std::string author_of(const Json& o, const std::string& reviewer) {
    const Json* v = field(o, "u");
    return v ? text(o, "u", "name", kMaxNameBytes, true) : reviewer;
}

const Json& object_at(const Json& o, const char* k, const char* what) {
    static const Json kEmpty = Json::object();
    const Json* v = field(o, k);
    if (!v) return kEmpty;
    if (!v->is_object()) throw Bad{std::string("has ") + what + " that is not an object"};
    return *v;
}

const Json& array_at(const Json& o, const char* k, size_t& budget) {
    static const Json kEmpty = Json::array();
    const Json* v = field(o, k);
    if (!v) return kEmpty;
    if (!v->is_array()) throw Bad{"has a list that is not a list"};
    if (v->size() > budget) throw Bad{"has more than " + std::to_string(kReplyMaxEntries) + " elements"};
    budget -= v->size();
    for (const Json& e : *v)
        if (!e.is_object()) throw Bad{"has a list element that is not an object"};
    return *v;
}

Anchor read_anchor(const Json& o) {
    const Json& a = object_at(o, "a", "an anchor");
    Anchor r;
    r.path = text(a, "p", "field path", kMaxNameBytes, true);
    if (r.path.empty()) throw Bad{"has a comment or suggestion that does not say where it is"};
    r.exact = text(a, "q", "quote", kMaxTextBytes);
    r.prefix = text(a, "b", "quote context", kMaxTextBytes);
    r.suffix = text(a, "a", "quote context", kMaxTextBytes);
    if (const Json* off = field(a, "o")) {
        if (!off->is_number_integer() || off->get<int64_t>() < 0 || off->get<int64_t>() > int64_t{1} << 40)
            throw Bad{"has an anchor offset that is not a position"};
        r.offset = static_cast<double>(off->get<int64_t>());
    }
    return r;
}

CommentReply read_reply_item(const Json& o, const std::string& reviewer) {
    CommentReply r;
    r.id = id_of(o);
    r.created = time_of(o);
    r.text = text(o, "x", "reply", kMaxTextBytes);
    r.author = author_of(o, reviewer);
    return r;
}

Mark read_mark(const Json& o, const std::string& reviewer) {
    Mark m;
    m.at = time_of(o);
    if (!m.at.set) throw Bad{"resolves or reopens a comment without saying when"};
    m.by = author_of(o, reviewer);
    return m;
}

Comment read_comment(const Json& o, const std::string& reviewer, size_t& budget) {
    Comment c;
    c.id = id_of(o);
    c.created = time_of(o);
    c.anchor = read_anchor(o);
    c.text = text(o, "x", "comment", kMaxTextBytes);
    c.author = author_of(o, reviewer);
    for (const Json& r : array_at(o, "r", budget)) c.replies.push_back(read_reply_item(r, reviewer));
    if (field(o, "k")) c.resolved = read_mark(object_at(o, "k", "a resolution"), reviewer);
    if (field(o, "o")) c.reopened = read_mark(object_at(o, "o", "a reopening"), reviewer);
    return c;
}

Suggestion read_suggestion(const Json& o, const std::string& reviewer) {
    Suggestion s;
    s.id = id_of(o);
    s.created = time_of(o);
    s.anchor = read_anchor(o);
    if (s.anchor.exact.empty()) throw Bad{"has a suggestion that quotes no passage"};
    s.replacement = text(o, "x", "suggested text", kMaxTextBytes);
    s.author = author_of(o, reviewer);
    return s;
}

void read_body(const Json& j, ReviewReply& r) {
    if (!j.is_object()) throw Bad{"is not a reply object"};
    r.base = text(j, "b", "version", kMaxHashChars, true);
    if (r.base.empty()) throw Bad{"does not say which version it was written on"};
    r.reviewer = text(j, "n", "reviewer name", kMaxNameBytes, true);
    t_base = 0;
    t_base = time_of(j).unix_ms / 1000;
    size_t budget = kReplyMaxEntries;
    for (const Json& c : array_at(j, "c", budget)) r.comments.push_back(read_comment(c, r.reviewer, budget));
    for (const Json& a : array_at(j, "r", budget)) {
        ReplyAnswer x;
        x.comment_id = id_of(a, "c");
        x.reply = read_reply_item(a, r.reviewer);
        r.answers.push_back(std::move(x));
    }
    for (const Json& m : array_at(j, "m", budget)) {
        ReplyMark x;
        x.comment_id = id_of(m, "c");
        const Json* k = field(m, "k");
        if (!k || !k->is_boolean()) throw Bad{"resolves or reopens a comment without saying which"};
        x.resolved = k->get<bool>();
        x.mark = read_mark(m, r.reviewer);
        r.marks.push_back(std::move(x));
    }
    for (const Json& s : array_at(j, "s", budget)) r.suggestions.push_back(read_suggestion(s, r.reviewer));
    if (field(j, "d")) {
        const Json& d = object_at(j, "d", "a decision");
        Approval a;
        a.reviewer = r.reviewer;
        a.decision = text(d, "d", "decision", kMaxNameBytes, true);
        bool known = false;
        for (const std::string& v : vocab::kReviewDecisions) known = known || v == a.decision;
        if (!known) throw Bad{"has a decision this version of Hindsight does not know (\"" + a.decision + "\")"};
        if (r.reviewer.empty()) throw Bad{"has a decision but no reviewer name"};
        a.at = time_of(d);
        a.comment = text(d, "x", "decision comment", kMaxTextBytes);
        r.decision = a;
    }
}

// The share links' sentences name "link" and "postmortem"; a reply's say "reply link".
LinkError reply_error(LinkError::Kind k, const std::string& detail) {
    const char* const kAsk = " Ask the reviewer to send it again.";
    std::string m;
    switch (k) {
        case LinkError::Empty:
            m = "This reply link is empty: the part after '#' is missing. Copy the whole link again.";
            break;
        case LinkError::BadCharacters:
            m = "This reply link contains characters that a Hindsight link never has" + detail +
                ": it was probably changed on the way. Copy the whole link again.";
            break;
        case LinkError::UnknownVersion:
            m = detail.empty() ? "This is not a Hindsight reply link (its '#' part does not start with r1. or r1e.)."
                               : detail;
            break;
        case LinkError::Truncated:
            m = std::string("This reply link is incomplete: it was probably shortened by the app that carried it.") +
                kAsk;
            break;
        case LinkError::Corrupt:
            m = "This reply link is damaged: its content does not match its checksum" + detail +
                ". A character was probably changed on the way." + kAsk;
            break;
        case LinkError::TooLarge:
            m = (detail.empty() ? std::string("This reply link is too large.") : detail) + kAsk;
            break;
        case LinkError::NeedsPassphrase:
            m = "This reply link is protected by a passphrase. Enter the passphrase the reviewer used.";
            break;
        case LinkError::WrongPassphrase:
            m = "The passphrase is not right for this reply link. Check it with the reviewer (letters, case, spaces).";
            break;
        case LinkError::NotAPostmortem:
            m = "This reply link is intact but does not hold a review reply: it " + detail + ".";
            break;
        case LinkError::Internal: m = "Hindsight could not open this reply link: " + detail; break;
        case LinkError::None: break;
    }
    return LinkError{k, m};
}

ReplyDecodeResult reply_fail(LinkError::Kind k, const std::string& detail = "") {
    ReplyDecodeResult r;
    r.error = reply_error(k, detail);
    return r;
}

bool starts_with(const std::string& s, const char* p) { return s.compare(0, std::strlen(p), p) == 0; }

// The skeleton of a reply's JSON, put last in the dictionary (nearest, so cheapest to refer to). Frozen with "r1":
// a reader inflates with exactly these bytes.
const char kReplySkeleton[] =
    R"({"b":"","c":[{"a":{"o":,"p":"summary","q":""},"i":"cm-","t":,"x":""}],"r":[{"c":"cm-","i":"re-","t":,"x":""}],)"
    R"("m":[{"c":"cm-","k":true,"t":}],"s":[{"a":{"o":,"p":"","q":""},"i":"sg-","t":,"x":""}],)"
    R"("d":{"d":"approved","t":},)"
    R"("d":{"d":"changes_requested","t":},"d":{"d":"commented","t":},"n":"","t":1777)";
constexpr size_t kDeflateWindow = 32768;

}  // namespace

const std::string& reply_dictionary() {
    static const std::string d = [] {
        const std::string& v2 = link_dictionary_v2();
        if (v2.empty()) return std::string();
        const std::string all = v2 + kReplySkeleton;
        return all.size() > kDeflateWindow ? all.substr(all.size() - kDeflateWindow) : all;
    }();
    return d;
}

bool reply_is_empty(const ReviewReply& r) {
    return r.comments.empty() && r.answers.empty() && r.marks.empty() && r.suggestions.empty() && !r.decision;
}

Json reply_to_json(const ReviewReply& r) {
    Json o = {{"b", r.base}};
    put(o, "n", r.reviewer);
    Writer w{r.reviewer, earliest(r)};
    if (w.t0) o["t"] = w.t0;
    auto list = [&](const char* k, auto& v, auto fn) {
        if (v.empty()) return;
        Json a = Json::array();
        for (const auto& x : v) a.push_back(fn(x));
        o[k] = a;
    };
    list("c", r.comments, [&](const Comment& c) { return comment_json(c, w); });
    list("r", r.answers, [&](const ReplyAnswer& a) {
        Json j = reply_item_json(a.reply, w);
        j["c"] = a.comment_id;
        return j;
    });
    list("m", r.marks, [&](const ReplyMark& m) {
        Json j = mark_json(m.mark, w);
        j["c"] = m.comment_id;
        j["k"] = m.resolved;
        return j;
    });
    list("s", r.suggestions, [&](const Suggestion& s) { return suggestion_json(s, w); });
    if (r.decision) {
        Json d = {{"d", r.decision->decision}};
        if (r.decision->at.set) d["t"] = w.seconds(r.decision->at);
        put(d, "x", r.decision->comment);
        o["d"] = d;
    }
    return o;
}

bool reply_from_json(const Json& j, ReviewReply& out, std::string& why) {
    ReviewReply r;
    try {
        read_body(j, r);
    } catch (const Bad& b) {
        why = b.why;
        return false;
    }
    out = std::move(r);
    return true;
}

std::string encode_reply(const ReviewReply& r, const EncodeOptions& opts) {
    const std::string f =
        link_detail::pack(reply_to_json(r).dump(), opts, kReplyPrefixPlain, kReplyPrefixEncrypted, reply_dictionary());
    if (f.empty() || opts.base_url.empty()) return f;
    std::string base = opts.base_url;
    const size_t hash = base.find('#');
    if (hash != std::string::npos) base.resize(hash);
    return base + "#" + f;
}

bool is_reply_link(const std::string& link_or_fragment) {
    if (link_or_fragment.size() > kLinkMaxLinkChars) return false;
    const std::string s = link_normalize(link_or_fragment);
    return starts_with(s, kReplyPrefixPlain) || starts_with(s, kReplyPrefixEncrypted);
}

ReplyDecodeResult decode_reply(const std::string& link_or_fragment, const DecodeOptions& opts) {
    try {
        if (link_or_fragment.size() > kLinkMaxLinkChars)
            return reply_fail(LinkError::TooLarge, "This reply link is longer than 4 MiB of text.");
        const std::string s = link_normalize(link_or_fragment);
        if (s.empty()) return reply_fail(LinkError::Empty);
        const bool encrypted = starts_with(s, kReplyPrefixEncrypted);
        if (!encrypted && !starts_with(s, kReplyPrefixPlain)) {
            if (starts_with(s, "h1") || starts_with(s, "h2"))
                return reply_fail(LinkError::UnknownVersion,
                                  "This is a share link with a whole postmortem, not a reply: open it as a link (or "
                                  "merge it), rather than applying it as a reply.");
            if (s.size() > 1 && s[0] == 'r' && s[1] >= '0' && s[1] <= '9')
                return reply_fail(LinkError::UnknownVersion,
                                  "This reply link was made by a newer version of Hindsight. Open it with the newest "
                                  "Hindsight.");
            return reply_fail(LinkError::UnknownVersion);
        }
        const size_t skip = std::strlen(encrypted ? kReplyPrefixEncrypted : kReplyPrefixPlain);
        link_detail::Unpacked u = link_detail::unpack(s.substr(skip), skip, encrypted ? kReplyPrefixEncrypted : nullptr,
                                                      opts, reply_dictionary());
        if (u.kind != LinkError::None) return reply_fail(u.kind, u.detail);
        if (u.text.size() > kReplyMaxBytes)
            return reply_fail(LinkError::TooLarge, "This reply link unpacks to more than 1 MiB, more than any reply.");
        size_t where = 0;
        if (!json_depth_ok(u.text, where, kMaxDepth))
            return reply_fail(LinkError::NotAPostmortem, "is nested too deeply");
        Json j = Json::parse(u.text, nullptr, false);
        if (j.is_discarded()) return reply_fail(LinkError::NotAPostmortem, "is not JSON text");
        ReplyDecodeResult r;
        std::string why;
        if (!reply_from_json(j, r.reply, why)) return reply_fail(LinkError::NotAPostmortem, why);
        r.ok = true;
        return r;
    } catch (const std::bad_alloc&) {
        return reply_fail(LinkError::Internal, "not enough memory.");
    } catch (const std::exception& e) {
        return reply_fail(LinkError::Internal, e.what());
    }
}

}  // namespace hs
