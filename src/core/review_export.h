// Review comments for the exports that ask for them (`hindsight export md|html --with-comments`). The exporters
// never write review data themselves: a postmortem shared as Markdown or HTML leaves its review out by default.
#pragma once

#include <string>

#include "model.h"

namespace hs {

// A "Review comments" section: each comment with its author, time, where it points (the quoted passage, or "on
// deleted text") and whether it is resolved, its replies under it. "" when there are no comments.
std::string review_comments_markdown(const Document& d);
std::string review_comments_html(const Document& d);
// `html` (an export_html page or fragment) with the section put at the end of its <article>.
std::string with_review_comments_html(const std::string& html, const Document& d);
// The app's read view (export_html's fragment): each open comment in the margin of the section it points at (an
// <aside class="pm-comment" role="note"> after the section's heading: who, when, the quoted passage, the text, and
// how many replies), then the whole "Review comments" list at the end of the <article>, resolved ones included. The
// quoted passage of an open comment, where its section's text has it exactly once, is wrapped in
// <mark class="pm-comment-mark" id="pm-mark-<comment id>">, and the quote in the margin links to it.
std::string with_margin_comments_html(const std::string& html, const Document& d);

}  // namespace hs
