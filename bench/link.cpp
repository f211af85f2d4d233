// bench/link: share-link length against the mermaid.live-style baseline, and encode + decode time.
//   baseline = "pako:" + base64url(zlib level 9 (minified canonical JSON)), zlib stream with header, no dictionary.
// Goals (issue 4): median ratio <= 0.70, SRE-style sample <= 2,000 characters, encode + decode of a ~20 KB
// document <= 1 ms (native, median of many runs, plain). The link is what the app writes (h2 since session 5).
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "core/format.h"
#include "core/link.h"
#include "core/review.h"
#include "core/review_reply.h"

using namespace hs;

namespace {

std::string baseline(const std::string& json) {
    uLongf n = compressBound(static_cast<uLong>(json.size()));
    std::vector<uint8_t> buf(n);
    if (compress2(buf.data(), &n, reinterpret_cast<const Bytef*>(json.data()), static_cast<uLong>(json.size()), 9) !=
        Z_OK)
        return "";
    return "pako:" + base64url_encode(buf.data(), n);
}

// Realistic review comments in the sample's language and others', anchored to passages of its summary.
const char* const kComments[] = {
    "最低値 38% は何分間続きましたか？グラフへのリンクを追加してください。",
    "Почему обновление сертификата не было растянуто по времени? Стоит добавить в причины.",
    "Λείπει ενέργεια για δοκιμή φόρτου μετά την ανανέωση.",
    "Please link the PSP's rate-limit documentation here.",
    "ここは「接続プールの枯渇」と書いた方が正確だと思います。",
};
const char* const kQuotes[] = {"99.6%", "cert-manager", "keep-alive", "PSP", "HTTP Transport"};

// A reply with `n` comments (and a decision when asked), on the Japanese sample.
ReviewReply sample_reply(const Document& base, int n, bool decision) {
    Document copy = base;
    for (int i = 0; i < n; ++i) {
        const std::string q = kQuotes[i % 5];
        const size_t p = copy.summary.find(q);
        const Anchor a = p == std::string::npos ? anchor_to("summary") : make_anchor(copy, "summary", p, p + q.size());
        add_comment(copy, a, "佐藤 花子", kComments[i % 5], Instant{(1777460000 + 60 * i) * 1000LL, 0, true});
    }
    if (decision) record_decision(copy, "佐藤 花子", "approved", Instant{1777470000000LL, 0, true});
    return make_reply(base, copy, "佐藤 花子", Instant{1777470000000LL, 0, true});
}

void reply_lengths() {
    const EmbeddedFile* f = find_embedded("samples/ja-payment-gateway-timeout.json");
    if (!f) return;
    LoadResult r = load_document(std::string(f->data, f->size));
    if (!r.ok) return;
    seed_ids(2026);
    EncodeOptions enc;
    enc.passphrase = "correct horse battery staple";
    std::printf("\nreply links (fragment r1./r1e., on samples/ja-payment-gateway-timeout.json; comments in Japanese, "
                "Russian, Greek, English):\n");
    std::printf("%-28s %9s %9s %10s\n", "reply", "json", "plain", "encrypted");
    struct Case {
        const char* name;
        int comments;
        bool decision;
    };
    size_t three = 0;
    for (const Case& c : {Case{"1 comment", 1, false}, Case{"3 comments + decision", 3, true},
                          Case{"10 comments", 10, false}}) {
        const ReviewReply reply = sample_reply(r.doc, c.comments, c.decision);
        const size_t plain = encode_reply(reply).size();
        if (c.comments == 3) three = plain;
        std::printf("%-28s %9zu %9zu %10zu\n", c.name, reply_to_json(reply).dump().size(), plain,
                    encode_reply(reply, enc).size());
    }
    std::printf("3 comments + decision: %zu characters (goal <= 600: %s)\n", three, three <= 600 ? "met" : "MISSED");
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

}  // namespace

int main() {
    std::vector<std::string> paths = list_embedded("samples/");
    for (const auto& t : list_embedded("templates/")) paths.push_back(t);
    std::printf("%-42s %8s %9s %9s %7s %s\n", "document", "json", "baseline", "link", "ratio", "fits");
    std::vector<double> ratios;
    size_t sre_len = 0;
    const Document* twenty = nullptr;
    std::vector<Document> docs;
    docs.reserve(paths.size());
    size_t best_diff = SIZE_MAX;
    for (const auto& p : paths) {
        const EmbeddedFile* f = find_embedded(p);
        LoadResult r = load_document(std::string(f->data, f->size));
        if (!r.ok) {
            std::printf("%s: does not load\n", p.c_str());
            return 1;
        }
        docs.push_back(r.doc);
        std::string json = save_document(r.doc);
        std::string base = baseline(json);
        std::string link = encode_fragment(r.doc);
        double ratio = static_cast<double>(link.size()) / static_cast<double>(base.size());
        ratios.push_back(ratio);
        std::string fits;
        for (const auto& fit : fits_report(link.size()))
            if (fit.fits && fit.destination != "Browser") fits += (fits.empty() ? "" : ",") + fit.destination;
        std::printf("%-42s %8zu %9zu %9zu %7.3f %s\n", p.c_str(), json.size(), base.size(), link.size(), ratio,
                    fits.empty() ? "-" : fits.c_str());
        if (p == "samples/sre-checkout-outage.json") sre_len = link.size();
        size_t diff = json.size() > 20000 ? json.size() - 20000 : 20000 - json.size();
        if (diff < best_diff) best_diff = diff;
    }
    // The document closest to 20 KB of canonical JSON.
    for (const auto& d : docs) {
        size_t n = save_document(d).size();
        size_t diff = n > 20000 ? n - 20000 : 20000 - n;
        if (diff == best_diff) twenty = &d;
    }
    double med = median(ratios);
    std::printf("\nmedian ratio link/baseline: %.3f (goal <= 0.70: %s)\n", med, med <= 0.70 ? "met" : "MISSED");
    std::printf("sre-checkout-outage link length: %zu characters (goal <= 2000: %s)\n", sre_len,
                sre_len <= 2000 ? "met" : "MISSED");

    if (twenty) {
        using Clock = std::chrono::steady_clock;
        auto us = [](Clock::time_point a, Clock::time_point b) {
            return std::chrono::duration<double, std::micro>(b - a).count();
        };
        std::string json = save_document(*twenty);
        // Warm-up, not recorded: the first encode on a thread allocates the deflate stream it keeps (link.cpp).
        for (int i = 0; i < 20; ++i) (void)decode_link(encode_fragment(*twenty));
        const int kRuns = 300;
        std::vector<double> enc_us, dec_us, both_us;
        for (int i = 0; i < kRuns; ++i) {
            auto t0 = Clock::now();
            std::string link = encode_fragment(*twenty);
            auto t1 = Clock::now();
            DecodeResult r = decode_link(link);
            auto t2 = Clock::now();
            if (!r.ok) {
                std::printf("decode failed: %s\n", r.error.message.c_str());
                return 1;
            }
            enc_us.push_back(us(t0, t1));
            dec_us.push_back(us(t1, t2));
            both_us.push_back(us(t0, t2));  // the same run's encode + decode: its median is the goal's figure
        }
        // Where the time goes: the pieces of encode (save_document, deflate) and of decode (load_document).
        std::vector<double> deflate_us, save_us, load_us;
        for (int i = 0; i < kRuns; ++i) {
            auto t0 = Clock::now();
            std::string j = save_document(*twenty);
            auto t1 = Clock::now();
            std::vector<uint8_t> frame = link_compress(j);
            auto t2 = Clock::now();
            LoadResult lr = load_document(j);
            auto t3 = Clock::now();
            if (frame.empty() || !lr.ok) return 1;
            save_us.push_back(us(t0, t1));
            deflate_us.push_back(us(t1, t2));
            load_us.push_back(us(t2, t3));
        }
        std::printf("  of which (medians): save_document %.0f us, deflate (h%d frame) %.0f us; load_document (in decode) "
                    "%.0f us\n",
                    median(save_us), kLinkVersion, median(deflate_us), median(load_us));
        double m = median(both_us);
        std::printf("encode + decode of a %zu-byte document (plain, median of %d): %.0f us (medians: encode %.0f, "
                    "decode %.0f, their sum %.0f; goal <= 1000 us: %s)\n",
                    json.size(), kRuns, m, median(enc_us), median(dec_us), median(enc_us) + median(dec_us),
                    m <= 1000 ? "met" : "MISSED");
        // On a shared, loaded machine the median includes preemption; the fastest run shows the work itself.
        std::printf("  fastest of %d: encode + decode %.0f us (encode %.0f, decode %.0f)\n", kRuns,
                    *std::min_element(both_us.begin(), both_us.end()), *std::min_element(enc_us.begin(), enc_us.end()),
                    *std::min_element(dec_us.begin(), dec_us.end()));
    }
    reply_lengths();
    return 0;
}
