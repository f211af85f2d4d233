// Review comments in exports, only when asked for (`hindsight export md|html --with-comments`): the exporters
// themselves never write review data.
#include "review_export.h"

#include <set>

#include "exporters/exporters.h"
#include "review.h"

namespace hs {

namespace {

struct Line {
    std::string who, when, where, text;
    bool resolved = false;
    bool reply = false;
};

// The comments and their replies, in document order, as plain text (already sanitised).
std::vector<Line> comment_lines(const Document& d) {
    std::vector<Line> out;
    for (const Comment& c : d.comments) {
        Line l;
        l.who = sanitize_text(c.author.empty() ? "?" : c.author);
        l.when = display_utc(c.created);
        l.where = sanitize_text(c.anchor.path);
        if (!c.anchor.exact.empty()) l.where += " \xE2\x80\x9C" + sanitize_text(c.anchor.exact) + "\xE2\x80\x9D";
        if (resolve_anchor(d, c.anchor).status == AnchorStatus::Orphaned) l.where += " (on deleted text)";
        l.text = sanitize_text(c.text);
        l.resolved = comment_resolved(c);
        out.push_back(l);
        for (const CommentReply& r : c.replies) {
            Line x;
            x.who = sanitize_text(r.author);
            x.when = display_utc(r.created);
            x.text = sanitize_text(r.text);
            x.reply = true;
            out.push_back(x);
        }
    }
    return out;
}

// Markdown text with the characters that would start formatting escaped.
std::string md_escape(const std::string& s) {
    std::string o;
    for (char c : s) {
        if (c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' || c == '#' ||
            c == '|')
            o += '\\';
        o += c == '\n' ? ' ' : c;
    }
    return o;
}

// Whether `at` in `html` is in text: not inside a tag (between '<' and '>') nor inside a character reference.
bool in_text(const std::string& html, size_t at) {
    if (at == 0) return true;
    const size_t lt = html.rfind('<', at - 1), gt = html.rfind('>', at - 1);
    if (lt != std::string::npos && (gt == std::string::npos || gt < lt)) return false;
    const size_t amp = html.rfind('&', at - 1);
    return amp == std::string::npos || html.find(';', amp) < at;
}

// The one place in the text of html[from, to) where `needle` (escaped text) is; npos when it is nowhere or in more
// than one place (the passage would be ambiguous, or was split by formatting).
size_t only_text_occurrence(const std::string& html, size_t from, size_t to, const std::string& needle) {
    size_t found = std::string::npos;
    for (size_t at = html.find(needle, from); at != std::string::npos && at + needle.size() <= to;
         at = html.find(needle, at + 1)) {
        if (!in_text(html, at)) continue;
        if (found != std::string::npos) return std::string::npos;
        found = at;
    }
    return found;
}

// The HTML id of the marked words of a comment: its id, of the characters an id and a URL fragment take as they are.
std::string mark_id(const std::string& comment_id) {
    std::string id = "pm-mark-";
    for (char ch : comment_id)
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_')
            id += ch;
    return id;
}

// The section that holds the field at `path` ("timeline/ev-1/description": timeline), for the read view.
std::string section_of(const std::string& path) { return path.substr(0, path.find('/')); }

// Wraps the quoted passage of each open comment in its section's text in <mark>, where it is found exactly once, in
// the escaped text (so no markup is ever built from the quote itself). Returns the ids of the comments marked.
std::set<std::string> mark_passages(std::string& out, const Document& d) {
    std::set<std::string> marked;
    for (const Comment& c : d.comments) {
        if (c.anchor.exact.empty() || comment_resolved(c) || comment_is_placeholder(c)) continue;
        if (resolve_anchor(d, c.anchor).status == AnchorStatus::Orphaned) continue;
        const size_t sec = out.find("<section id=\"sec-" + section_of(c.anchor.path) + "\"");
        const size_t body = sec == std::string::npos ? sec : out.find("</h2>\n", sec);
        const size_t end = body == std::string::npos ? body : out.find("</section>", body);
        if (end == std::string::npos) continue;
        const std::string needle = html_escape(sanitize_text(c.anchor.exact));
        const size_t at = only_text_occurrence(out, body, end, needle);
        if (at == std::string::npos) continue;
        out.insert(at + needle.size(), "</mark>");
        out.insert(at, "<mark class=\"pm-comment-mark\" id=\"" + mark_id(c.id) + "\" tabindex=\"-1\">");
        marked.insert(c.id);
    }
    return marked;
}

}  // namespace

std::string review_comments_markdown(const Document& d) {
    if (d.comments.empty()) return "";
    std::string o = "\n## Review comments\n\n";
    for (const Line& l : comment_lines(d)) {
        if (l.reply) {
            o += "  - " + md_escape(l.who) + (l.when.empty() ? "" : " (" + l.when + ")") + ": " + md_escape(l.text) +
                 "\n";
            continue;
        }
        o += "- **" + md_escape(l.who) + "**" + (l.when.empty() ? "" : " (" + l.when + ")") + " on " +
             md_escape(l.where) + (l.resolved ? " — resolved" : "") + ": " + md_escape(l.text) + "\n";
    }
    return o;
}

std::string review_comments_html(const Document& d) {
    if (d.comments.empty()) return "";
    std::string o = "<section class=\"review-comments\">\n<h2>Review comments</h2>\n<ul>\n";
    bool open_replies = false;
    for (const Line& l : comment_lines(d)) {
        if (l.reply) {
            if (!open_replies) o += "<ul>\n";
            open_replies = true;
            o += "<li><strong>" + html_escape(l.who) + "</strong> " + html_escape(l.when) + ": " +
                 html_escape(l.text) + "</li>\n";
            continue;
        }
        if (open_replies) o += "</ul>\n";
        open_replies = false;
        o += "<li><strong>" + html_escape(l.who) + "</strong> " + html_escape(l.when) + " on " +
             html_escape(l.where) + (l.resolved ? " (resolved)" : "") + ": " + html_escape(l.text) + "</li>\n";
    }
    if (open_replies) o += "</ul>\n";
    return o + "</ul>\n</section>\n";
}

std::string with_review_comments_html(const std::string& html, const Document& d) {
    const std::string section = review_comments_html(d);
    const size_t at = html.rfind("</article>");
    if (section.empty() || at == std::string::npos) return html + section;
    return html.substr(0, at) + section + html.substr(at);
}

std::string with_margin_comments_html(const std::string& html, const Document& d) {
    std::string out = html;
    const std::set<std::string> marked = mark_passages(out, d);
    // Later comments first, each put right after its heading: the margin then reads in the order they were made.
    for (auto it = d.comments.rbegin(); it != d.comments.rend(); ++it) {
        const Comment& c = *it;
        if (comment_resolved(c) || comment_is_placeholder(c)) continue;
        const std::string section = section_of(c.anchor.path);
        const std::string heading = "<h2 id=\"sec-" + section + "-h\">";
        const size_t h = out.find(heading);
        if (section.empty() || h == std::string::npos) continue;  // an empty section: in the list at the end only
        const size_t at = out.find("</h2>\n", h);
        if (at == std::string::npos) continue;
        const bool orphaned = resolve_anchor(d, c.anchor).status == AnchorStatus::Orphaned;
        const std::string who = sanitize_text(c.author.empty() ? "?" : c.author);
        std::string a = "<aside class=\"pm-comment\" role=\"note\" aria-label=\"Comment by " + html_escape(who) +
                        "\"><strong>" + html_escape(who) + "</strong> <time>" + html_escape(display_utc(c.created)) +
                        "</time>";
        const bool linked = marked.count(c.id) != 0;  // the quote leads to the words marked in the text
        if (linked) a += "<a class=\"pm-comment-link\" href=\"#" + mark_id(c.id) + "\">";
        if (!c.anchor.exact.empty())
            a += "<q" + std::string(orphaned ? " class=\"gone\"" : "") + ">" + html_escape(sanitize_text(c.anchor.exact)) +
                 "</q>";
        if (linked) a += "</a>";
        if (orphaned) a += "<em>on deleted text</em>";
        a += "<p>" + html_escape(sanitize_text(c.text)) + "</p>";
        if (!c.replies.empty())
            a += "<small>" + std::to_string(c.replies.size()) + (c.replies.size() == 1 ? " reply" : " replies") +
                 "</small>";
        out.insert(at + 6, a + "</aside>\n");
    }
    return with_review_comments_html(out, d);
}

}  // namespace hs
