#!/bin/sh
# Stands in for a test whose tool is not installed: it prints the reason
# it was given and exits with 77, which meson counts as a skip.
echo "SKIP: $*"
exit 77
