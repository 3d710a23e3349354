/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "signet-print-document.h"

G_BEGIN_DECLS

/* Shared by signet-print-document.c (what a document holds) and
 * signet-print-document-layout.c (how its pages are laid out and drawn). */

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_FIELD,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  char           *title;
  double          weight;
  PangoAlignment  alignment;
} Column;

typedef struct
{
  BlockKind  kind;
  char      *text;      /* a heading's, a paragraph's, a field's label */
  char      *value;     /* a field's */
  GPtrArray *columns;   /* a table's Column */
  GPtrArray *rows;      /* a table's rows, each a GStrv of one cell per column */
  double    *widths;    /* a table's column widths, set as the pages are laid out */
  /* Each cell's width and height on one line, header row first, a row's
   * cells in column order: a cell as narrow as its column is measured. */
  double    *cells;
} Block;

/* What pagination places: the title, a block, or one row of a table
 * (G_MAXUINT: its header row). */
typedef enum
{
  UNIT_TITLE,
  UNIT_BLOCK,
  UNIT_TABLE_HEADER,
  UNIT_TABLE_ROW,
} UnitKind;

typedef struct
{
  UnitKind kind;
  guint    block;
  guint    row;
  double   height;
  double   space_before;
} Unit;

typedef struct
{
  guint  unit;
  double y;
} Placed;

struct _SignetPrintDocument
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  char      *register_name;
  char      *date;
  GPtrArray *blocks;

  /* The layout of the last operation: units and, for each page, where
   * they go (a GArray of Placed). */
  GArray    *units;
  GPtrArray *pages;
  double     body_top;
  double     body_height;
  double     width;
};

/* Connects @operation's begin-print and draw-page to @self's layout. */
void _signet_print_document_connect (SignetPrintDocument *self,
                                     GtkPrintOperation   *operation);

G_END_DECLS
