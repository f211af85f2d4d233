// Review: reply links (encoding, decoding, every error class, length), applying them (known and unknown base,
// twice, in any order), reviewers' copies turned into replies, merges of whole documents, and the format change.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "core/embedded.h"
#include "core/format.h"
#include "core/link_detail.h"
#include "core/merge.h"
#include "core/review.h"
#include "core/review_reply.h"

using namespace hs;

namespace {

Instant at(int64_t s) { return Instant{s * 1000, 0, true}; }

Document sample() {
    const EmbeddedFile* f = find_embedded("samples/ja-payment-gateway-timeout.json");
    REQUIRE(f);
    LoadResult r = load_document(std::string(f->data, f->size));
    REQUIRE(r.ok);
    return r.doc;
}

Anchor quote(const Document& d, const std::string& path, const std::string& text) {
    const std::string* f = anchor_field(d, anchor_to(path));
    REQUIRE(f);
    const size_t p = f->find(text);
    REQUIRE(p != std::string::npos);
    return make_anchor(d, path, p, p + text.size());
}

// A reviewer's reply on `base`: three comments (Japanese, Russian, Greek) and a decision.
ReviewReply three_comments(const Document& base, const std::string& who, int64_t t0) {
    Document copy = base;
    add_comment(copy, quote(copy, "summary", "99.6% から最低 38% まで低下"), who,
                "最低値 38% は何分間続きましたか？グラフへのリンクを追加してください。", at(t0));
    add_comment(copy, quote(copy, "summary", "cert-manager"), who,
                "Почему обновление сертификата не было растянуто по времени? Стоит добавить в причины.", at(t0 + 60));
    add_comment(copy, anchor_to("action_items"), who, "Λείπει ενέργεια για δοκιμή φόρτου μετά την ανανέωση.",
                at(t0 + 120));
    record_decision(copy, who, "changes_requested", at(t0 + 180), "");
    return make_reply(base, copy, who, at(t0 + 180));
}

std::string canonical(const Document& d) { return save_document(d); }

}  // namespace

TEST_CASE("review reply: encodes and decodes, plain and encrypted, to the same reply", "[review]") {
    seed_ids(11);
    const Document d = sample();
    const ReviewReply r = three_comments(d, "Мария Иванова", 1777460000);
    REQUIRE(r.comments.size() == 3);
    REQUIRE(r.decision);
    CHECK(r.base == content_hash(d));

    const std::string plain = encode_reply(r);
    CHECK(plain.rfind("r1.", 0) == 0);
    CHECK(is_reply_link(plain));
    ReplyDecodeResult back = decode_reply("https://hindsight.example.com/#" + plain);
    REQUIRE(back.ok);
    CHECK(reply_to_json(back.reply) == reply_to_json(r));

    EncodeOptions eo;
    eo.passphrase = "コーヒー と чай";
    eo.kdf = {1, 8};
    const std::string enc = encode_reply(r, eo);
    CHECK(enc.rfind("r1e.", 0) == 0);
    DecodeOptions dopt;
    dopt.passphrase = eo.passphrase;
    back = decode_reply(enc, dopt);
    REQUIRE(back.ok);
    CHECK(reply_to_json(back.reply) == reply_to_json(r));
    // Goal: three comments and a decision in at most 600 characters.
    INFO("plain " << plain.size() << ", encrypted " << enc.size() << " json " << reply_to_json(r).dump());
    CHECK(plain.size() <= 600);
}

TEST_CASE("review reply: every failure has its class and a sentence", "[review]") {
    seed_ids(12);
    const Document d = sample();
    const std::string link = encode_reply(three_comments(d, "Γιώργος", 1777460000));
    auto kind = [](const std::string& l, const std::string& pass = "") {
        DecodeOptions o;
        o.passphrase = pass;
        ReplyDecodeResult r = decode_reply(l, o);
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.error.message.empty());
        return r.error.kind;
    };
    CHECK(kind("") == LinkError::Empty);
    CHECK(kind(link.substr(0, link.size() / 2)) == LinkError::Truncated);
    std::string changed = link;
    changed[changed.size() - 10] = changed[changed.size() - 10] == 'A' ? 'B' : 'A';
    const LinkError::Kind k = kind(changed);
    CHECK((k == LinkError::Corrupt || k == LinkError::Truncated || k == LinkError::TooLarge));
    CHECK(kind(link + "*") == LinkError::BadCharacters);
    CHECK(kind("r9." + link.substr(3)) == LinkError::UnknownVersion);
    CHECK(kind(encode_fragment(d)) == LinkError::UnknownVersion);
    EncodeOptions eo;
    eo.passphrase = "right one";
    eo.kdf = {1, 8};
    const std::string enc = encode_reply(three_comments(d, "Γιώργος", 1777460000), eo);
    CHECK(kind(enc) == LinkError::NeedsPassphrase);
    CHECK(kind(enc, "wrong one") == LinkError::WrongPassphrase);
    // Intact frames that hold no reply: each says what is wrong.
    const auto packed = [](const std::string& json) { return link_detail::pack(json, {}, "r1.", "r1e.", reply_dictionary()); };
    ReplyDecodeResult r = decode_reply(packed(R"({"n":"Мария"})"));
    CHECK(r.error.kind == LinkError::NotAPostmortem);
    CHECK(r.error.message.find("which version") != std::string::npos);
    r = decode_reply(packed(R"({"b":"abc","d":{"d":"vetoed"}})"));
    CHECK(r.error.message.find("vetoed") != std::string::npos);
    r = decode_reply(packed(R"({"b":"abc","c":[{"i":"cm-1","a":{}}]})"));
    CHECK(r.error.message.find("does not say where") != std::string::npos);
    r = decode_reply(packed(R"({"b":"abc","c":[{"i":"cm-1","a":{"p":"summary"},"t":-5}]})"));
    CHECK(r.error.message.find("seconds since 1970") != std::string::npos);
    r = decode_reply(packed(std::string(40, '[') + std::string(40, ']')));
    CHECK(r.error.message.find("nested too deeply") != std::string::npos);
    r = decode_reply(packed("not json"));
    CHECK(r.error.message.find("not JSON") != std::string::npos);
}

TEST_CASE("review reply: applies on a shared version, says what it needs otherwise", "[review]") {
    seed_ids(13);
    Document draft = sample();
    const Document shared = draft;
    note_shared(draft, at(1777459000));
    const ReviewReply r = three_comments(shared, "佐藤 花子", 1777460000);
    draft.summary += " 追記：再発防止策を検討中。";  // the author went on editing: the base is still known

    ApplyReplyResult a = apply_reply(draft, r);
    REQUIRE(a.ok);
    CHECK(a.added.size() == 4);
    CHECK(draft.comments.size() == 3);
    CHECK(latest_decisions(draft).size() == 3);  // the sample's two approvers and the reply's reviewer
    CHECK(has_open_change_request(draft));
    for (const Comment& c : draft.comments) CHECK(resolve_anchor(draft, c.anchor).status != AnchorStatus::Orphaned);
    const std::string once = canonical(draft);
    a = apply_reply(draft, r);
    REQUIRE(a.ok);
    CHECK(a.added.empty());
    CHECK(a.message.find("nothing new") != std::string::npos);
    CHECK(canonical(draft) == once);

    Document other = sample();
    other.summary = "別の下書き";
    a = apply_reply(other, r);
    CHECK_FALSE(a.ok);
    CHECK(a.message.find("never shared") != std::string::npos);
    CHECK(a.message.find(other.title) != std::string::npos);
    CHECK(other.comments.empty());
}

TEST_CASE("review reply: a reviewer's direct edits become suggestions; replies and resolutions travel", "[review]") {
    seed_ids(14);
    Document base = sample();
    const std::string cid = add_comment(base, anchor_to("root_causes"), "Author", "根本原因を見直しました。",
                                        at(1777450000));
    Document copy = base;
    const std::string before = copy.summary;
    const size_t p = copy.summary.find("約64分間");
    REQUIRE(p != std::string::npos);
    copy.summary.replace(p, std::string("約64分間").size(), "約 64 分間");
    add_comment_reply(copy, cid, "Γιώργος", "Συμφωνώ, ευχαριστώ.", at(1777460000));
    resolve_comment(copy, cid, "Γιώργος", at(1777460001));
    const ReviewReply r = make_reply(base, copy, "Γιώργος", at(1777460002));
    REQUIRE(r.suggestions.size() == 1);
    CHECK(r.answers.size() == 1);
    CHECK(r.marks.size() == 1);
    const ReplyDecodeResult back = decode_reply(encode_reply(r));
    REQUIRE(back.ok);

    Document draft = base;
    REQUIRE(apply_reply(draft, back.reply).ok);
    CHECK(draft.summary == before);
    CHECK(comment_resolved(*find_comment(draft, cid)));
    CHECK(find_comment(draft, cid)->replies.size() == 1);
    REQUIRE(accept_suggestion(draft, draft.suggestions[0].id, "Author", at(1777460100)).ok);
    CHECK(draft.summary == copy.summary);
}

TEST_CASE("review reply: replies from several reviewers in any order, and repeated, give one document",
          "[review][property]") {
    seed_ids(15);
    const Document base = sample();
    const std::string names[] = {"Мария", "佐藤", "Γιώργος", "Ayşe"};
    std::mt19937 rng(20260429);
    for (int round = 0; round < 20; ++round) {
        Document shared = base;
        const std::string first = add_comment(shared, quote(shared, "summary", "cert-reloader"), "Author",
                                              "ここは確認済みです。", at(1777450000));
        // Each reviewer: comments, a reply to the author's comment, a resolve or reopen, a suggestion, a decision.
        std::vector<ReviewReply> replies;
        for (int i = 0; i < 4; ++i) {
            Document copy = shared;
            const int64_t t = 1777460000 + static_cast<int64_t>(rng() % 5000);
            for (unsigned n = 0; n < 1 + rng() % 3; ++n)
                add_comment(copy, anchor_to("summary"), names[i], "Комментарий №" + std::to_string(n) + " 🙂",
                            at(t + n));
            add_comment_reply(copy, first, names[i], "返信 " + names[i], at(t + 10));
            if (rng() % 2) resolve_comment(copy, first, names[i], at(t + 11));
            else reopen_comment(copy, first, names[i], at(t + 11));
            add_suggestion(copy, quote(copy, "summary", "HTTP Transport"), names[i], "HTTP クライアント", at(t + 12));
            const char* decisions[] = {"approved", "changes_requested", "commented"};
            record_decision(copy, names[i], decisions[rng() % 3], at(t + 13));
            replies.push_back(make_reply(shared, copy, names[i], at(t + 14)));
        }
        std::string expected;
        for (int order = 0; order < 4; ++order) {
            std::vector<size_t> seq;
            for (size_t i = 0; i < replies.size(); ++i)
                for (unsigned rep = 0; rep < 1 + rng() % 2; ++rep) seq.push_back(i);
            std::shuffle(seq.begin(), seq.end(), rng);
            Document d = shared;
            for (size_t i : seq) REQUIRE(apply_reply(d, replies[i]).ok);
            const std::string got = canonical(d);
            if (expected.empty()) expected = got;
            CHECK(got == expected);
        }
        Document d = shared;
        for (const ReviewReply& r : replies) apply_reply(d, r);
        CHECK(d.comments.size() >= 5);
        CHECK(find_comment(d, first)->replies.size() == 4);
        CHECK(d.suggestions.size() == 4);
        CHECK(suggestion_conflicts(d).size() == 1);
        CHECK(latest_decisions(d).size() == 6);  // the sample's two approvers and the four reviewers
    }
}

TEST_CASE("review reply: a reply to a comment that has not arrived yet waits in a placeholder", "[review]") {
    seed_ids(16);
    const Document base = sample();
    Document a_copy = base;
    const std::string cid = add_comment(a_copy, anchor_to("summary"), "Мария", "Нужна ссылка на график.",
                                        at(1777460000));
    const ReviewReply from_a = make_reply(base, a_copy, "Мария", at(1777460001));
    // The author forwarded the version with Мария's comment to 佐藤 (same content, so the same hash).
    Document b_copy = a_copy;
    add_comment_reply(b_copy, cid, "佐藤", "グラフを添付します。", at(1777460100));
    resolve_comment(b_copy, cid, "佐藤", at(1777460101));
    const ReviewReply from_b = make_reply(a_copy, b_copy, "佐藤", at(1777460102));
    CHECK(from_b.base == from_a.base);

    Document one = base, two = base;
    REQUIRE(apply_reply(one, from_b).ok);
    REQUIRE(one.comments.size() == 1);
    CHECK(comment_is_placeholder(one.comments[0]));
    REQUIRE(apply_reply(one, from_a).ok);
    REQUIRE(apply_reply(two, from_a).ok);
    REQUIRE(apply_reply(two, from_b).ok);
    CHECK(canonical(one) == canonical(two));
    CHECK_FALSE(comment_is_placeholder(one.comments[0]));
    CHECK(comment_resolved(one.comments[0]));
}

TEST_CASE("review: a whole-document merge joins comments and decisions as replies do", "[review]") {
    seed_ids(17);
    Document base = sample();
    const std::string gone = add_comment(base, anchor_to("summary"), "Author", "古いコメント", at(1777450000));
    Document ours = base, theirs = base;
    add_comment(ours, anchor_to("timeline"), "Author", "時刻を JST に統一", at(1777460000));
    ours.comments.erase(std::remove_if(ours.comments.begin(), ours.comments.end(),
                                       [&](const Comment& c) { return c.id == gone; }),
                        ours.comments.end());
    add_comment(theirs, anchor_to("impact"), "Мария", "Сколько заказов потеряно?", at(1777460050));
    resolve_comment(theirs, gone, "Мария", at(1777460060));
    record_decision(theirs, "Мария", "approved", at(1777460070));
    record_decision(ours, "佐藤", "commented", at(1777460080));
    const MergeResult m = merge_documents(base, ours, theirs);
    REQUIRE(m.ok);
    CHECK(m.conflicts.empty());
    CHECK(m.merged.comments.size() == 2);  // ours deleted one: the deletion stands
    CHECK(find_comment(m.merged, gone) == nullptr);
    CHECK(latest_decisions(m.merged).size() == 4);  // the sample's two approvers, Мария and 佐藤
    const MergeResult swapped = merge_documents(base, theirs, ours);
    CHECK(save_document(swapped.merged) == save_document(m.merged));
}

TEST_CASE("review: the format change is additive; older files load, newer keys are kept", "[review][format]") {
    // A file from before review data: loads, and saves without any of the new keys.
    const Document old = sample();
    const std::string saved = save_document(old);
    for (const char* k : {"\"comments\"", "\"suggestions\"", "\"review\""}) CHECK(saved.find(k) == std::string::npos);
    // A file with comments, suggestions and shared versions round-trips; keys unknown to this build are kept, as an
    // older build keeps these keys (a document's unknown keys always survive a load and save).
    const std::string newer = R"({"format":"hindsight.postmortem","version":1,"id":"pm-1","title":"Сбой оплаты",
      "summary":"Очередь выросла до 1 200 заказов.",
      "comments":[{"id":"cm-1","author":"Мария","created":"2026-04-29T11:00:00Z","text":"Откуда цифра?",
        "anchor":{"path":"summary","exact":"1 200 заказов","prefix":"Очередь выросла до ","suffix":".","offset":35},
        "replies":[{"id":"re-1","author":"佐藤","created":"2026-04-29T11:05:00Z","text":"ダッシュボードから。"}],
        "resolved":{"by":"Мария","at":"2026-04-29T11:06:00Z"},"future_flag":true}],
      "suggestions":[{"id":"sg-1","author":"Γιώργος","created":"2026-04-29T11:10:00Z","replacement":"1200 заказов",
        "anchor":{"path":"summary","exact":"1 200 заказов"},"state":"rejected","by":"Мария",
        "at":"2026-04-29T11:20:00Z"}],
      "review":{"shared":[{"hash":"q83vEjRWeJA0","at":"2026-04-29T10:00:00Z"}]},
      "review_thread_v2":{"x":1}})";
    LoadResult r = load_document(newer);
    REQUIRE(r.ok);
    CHECK(r.problems.empty());
    REQUIRE(r.doc.comments.size() == 1);
    CHECK(comment_resolved(r.doc.comments[0]));
    CHECK(r.doc.comments[0].extra.contains("future_flag"));
    CHECK(r.doc.extra.contains("review_thread_v2"));
    CHECK(resolve_anchor(r.doc, r.doc.comments[0].anchor).status == AnchorStatus::Exact);
    CHECK(r.doc.suggestions[0].state == "rejected");
    CHECK(knows_version(r.doc, "q83vEjRWeJA0"));
    LoadResult again = load_document(save_document(r.doc));
    REQUIRE(again.ok);
    CHECK(save_document(again.doc) == save_document(r.doc));
    // A bad value is a problem with a sentence, as elsewhere in the format.
    Json j = Json::parse(newer);
    j["suggestions"][0]["state"] = "maybe";
    LoadResult bad = load_document_json(j);
    bool named = false;
    for (const Problem& p : bad.problems) named = named || p.pointer == "/suggestions/0/state";
    CHECK(named);
}

TEST_CASE("review reply: damaged links and altered replies are refused with a sentence or apply cleanly",
          "[review][hostile]") {
    seed_ids(18);
    const Document d = sample();
    const std::string link = encode_reply(three_comments(d, "Мария", 1777460000));
    const std::string json = reply_to_json(three_comments(d, "Мария", 1777460000)).dump();
    std::mt19937 rng(7);
    const std::string alphabet = "AZaz09-_.{}[]\":,#r1e \xE3\x81\x82\xD0\xAF";
    size_t refused = 0, applied = 0;
    for (int i = 0; i < 600; ++i) {
        // Half the cases change the link's characters, half the reply's JSON before it is packed (an intact frame).
        std::string s = i % 2 ? link : json;
        for (unsigned k = 0; k < 1 + rng() % 3; ++k) {
            const size_t at = rng() % s.size();
            switch (rng() % 3) {
                case 0: s[at] = alphabet[rng() % alphabet.size()]; break;
                case 1: s.erase(at, 1 + rng() % 8); break;
                default: s.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
            }
            if (s.empty()) s = "r1.";
        }
        const std::string l = i % 2 ? s : link_detail::pack(s, {}, "r1.", "r1e.", reply_dictionary());
        const ReplyDecodeResult r = decode_reply(l);
        if (!r.ok) {
            ++refused;
            CHECK(r.error.kind != LinkError::None);
            CHECK_FALSE(r.error.message.empty());
            continue;
        }
        ++applied;
        Document draft = d;
        ReviewReply reply = r.reply;
        reply.base = content_hash(draft);
        REQUIRE(apply_reply(draft, reply).ok);
        const std::string once = save_document(draft);
        REQUIRE(apply_reply(draft, reply).ok);
        CHECK(save_document(draft) == once);
        CHECK(load_document(once).ok);
    }
    CHECK(refused > 0);
    CHECK(applied > 0);
}
