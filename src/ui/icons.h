// Icon glyphs from Fork Awesome (Debian's fonts-fork-awesome), merged into the UI font.
// scripts/fonts.py subsets the icon font to exactly the code points named in the comments below.
#pragma once

#define ICON_MIN_FA 0xf000
#define ICON_MAX_FA 0xf2ff

#define ICON_PLUS "\xef\x81\xa7"          // U+F067
#define ICON_SHARE "\xef\x87\xa0"         // U+F1E0
#define ICON_DOWNLOAD "\xef\x80\x99"      // U+F019
#define ICON_UPLOAD "\xef\x82\x93"        // U+F093
#define ICON_UNDO "\xef\x83\xa2"          // U+F0E2
#define ICON_REDO "\xef\x80\x9e"          // U+F01E
#define ICON_EYE "\xef\x81\xae"           // U+F06E
#define ICON_PENCIL "\xef\x81\x80"        // U+F040
#define ICON_CHECK "\xef\x80\x8c"         // U+F00C
#define ICON_WARNING "\xef\x81\xb1"       // U+F071
#define ICON_CLOCK "\xef\x80\x97"         // U+F017
#define ICON_TRASH "\xef\x87\xb8"         // U+F1F8
#define ICON_FOLDER_OPEN "\xef\x81\xbc"   // U+F07C
#define ICON_SEARCH "\xef\x80\x82"        // U+F002
#define ICON_TIMES "\xef\x80\x8d"         // U+F00D
#define ICON_BARS "\xef\x83\x89"          // U+F0C9
#define ICON_MOON "\xef\x86\x86"          // U+F186
#define ICON_SUN "\xef\x86\x85"           // U+F185
#define ICON_LINK "\xef\x83\x81"          // U+F0C1
#define ICON_LOCK "\xef\x80\xa3"          // U+F023
#define ICON_UNLOCK "\xef\x82\x9c"        // U+F09C
#define ICON_LIST "\xef\x80\xba"          // U+F03A
#define ICON_CHEVRON_DOWN "\xef\x81\xb8"  // U+F078
#define ICON_CHEVRON_UP "\xef\x81\xb7"    // U+F077
#define ICON_CHEVRON_RIGHT "\xef\x81\x94" // U+F054
#define ICON_CIRCLE "\xef\x84\x91"        // U+F111
#define ICON_BOLT "\xef\x83\xa7"          // U+F0E7
#define ICON_FLAG "\xef\x80\xa4"          // U+F024
#define ICON_COPY "\xef\x83\x85"          // U+F0C5
#define ICON_QUESTION "\xef\x84\xa8"      // U+F128
#define ICON_COG "\xef\x80\x93"           // U+F013
#define ICON_HISTORY "\xef\x87\x9a"       // U+F1DA
#define ICON_CODE_FORK "\xef\x84\xa6"     // U+F126
#define ICON_SAVE "\xef\x83\x87"          // U+F0C7
#define ICON_INFO_CIRCLE "\xef\x81\x9a"   // U+F05A
#define ICON_CHECK_CIRCLE "\xef\x81\x98"  // U+F058
#define ICON_CALENDAR "\xef\x81\xb3"      // U+F073
#define ICON_SORT "\xef\x83\x9c"          // U+F0DC
#define ICON_ARROW_UP "\xef\x81\xa2"      // U+F062
#define ICON_ARROW_DOWN "\xef\x81\xa3"    // U+F063
#define ICON_USER "\xef\x80\x87"          // U+F007
#define ICON_TAG "\xef\x80\xab"           // U+F02B
#define ICON_BOOK "\xef\x80\xad"          // U+F02D
#define ICON_PRINT "\xef\x80\xaf"         // U+F02F
#define ICON_FILE_TEXT "\xef\x85\x9c"     // U+F15C
#define ICON_COMMENT "\xef\x81\xb5"       // U+F075
#define ICON_HEARTBEAT "\xef\x88\x9e"     // U+F21E
#define ICON_LIGHTBULB "\xef\x83\xab"     // U+F0EB
#define ICON_TASKS "\xef\x82\xae"         // U+F0AE
#define ICON_BELL "\xef\x83\xb3"          // U+F0F3
#define ICON_FILE "\xef\x85\x9b"          // U+F15B
#define ICON_EXCLAMATION_CIRCLE "\xef\x81\xaa"  // U+F06A
