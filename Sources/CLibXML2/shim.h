// libxml2 for Swift. Debian builds libxml2 with ICU; its headers then clash with
// Foundation's own ICU ("'UErrorCode' has different definitions"), so ICU is hidden here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
