#!/bin/sh
# embed.sh NAME FILE: prints a C file holding FILE's bytes as NAME[] (NUL-
# terminated) and NAME_len, so data the code must agree with (the rule-pack
# schema) is compiled into the binary instead of searched for at run time.
set -eu
name=$1
file=$2
echo "/* generated from $file by tools/embed.sh: do not edit */"
echo "#include <stddef.h>"
echo "extern const unsigned char ${name}[];"
echo "extern const size_t ${name}_len;"
echo "const unsigned char ${name}[] = {"
od -An -v -tu1 "$file" | awk '{ line = ""; for (i = 1; i <= NF; i++) line = line $i ","; print line }'
echo "0};"
echo "const size_t ${name}_len = sizeof ${name} - 1;"
