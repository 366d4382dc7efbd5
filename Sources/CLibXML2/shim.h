// libxml2's HTML parser and error reporting, for UNDocIngest's HTML reader.
#include <libxml/xmlversion.h>
// libxml2 built with ICU would pull in the system's ICU headers, which clash with the copy
// Foundation carries; undoc never touches libxml2's converters, so leave them out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// xmlFree is a global function pointer; a function is simpler to call from Swift.
static inline void undoc_xml_free(void *pointer) { xmlFree(pointer); }
