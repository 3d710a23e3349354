/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Tokens are stable and never translated (database and XML). */
typedef enum
{
  SIGNET_ANNOTATION_KIND_HIGHLIGHT,
  SIGNET_ANNOTATION_KIND_UNDERLINE,
  SIGNET_ANNOTATION_KIND_STRIKEOUT,
  SIGNET_ANNOTATION_KIND_NOTE,
  SIGNET_ANNOTATION_KIND_RECTANGLE,
} SignetAnnotationKind;

#define SIGNET_N_ANNOTATION_KINDS (SIGNET_ANNOTATION_KIND_RECTANGLE + 1)

/* A rectangle on a page in PDF points with the origin in the top-left
 * corner of the page (as src/pdf uses them); x1 <= x2 and y1 <= y2. */
typedef struct
{
  double x1;
  double y1;
  double x2;
  double y2;
} SignetAnnotationRect;

#define SIGNET_TYPE_ANNOTATION (signet_annotation_get_type ())

G_DECLARE_FINAL_TYPE (SignetAnnotation, signet_annotation, SIGNET, ANNOTATION, GObject)

const char           *signet_annotation_kind_to_token      (SignetAnnotationKind        kind);
gboolean              signet_annotation_kind_from_token    (const char                 *token,
                                                            SignetAnnotationKind       *kind);
const char           *signet_annotation_kind_to_label      (SignetAnnotationKind        kind);

/* Rectangles as stored (and written to XML): four numbers per rectangle,
 * separated by spaces, each written so that it reads back to the same
 * double. */
char                 *signet_annotation_rects_to_string    (const SignetAnnotationRect *rects,
                                                            guint                       n_rects);
/* A GArray of SignetAnnotationRect, or NULL when @text is not a non-empty
 * list of whole rectangles of finite numbers. */
GArray               *signet_annotation_rects_parse        (const char                 *text);
/* TRUE for "#rrggbb". */
gboolean              signet_annotation_color_is_valid     (const char                 *color);

/* A note made on one page of one attachment version: highlight, underline
 * and strike-out cover the lines of the marked text (a rectangle each), a
 * note sits at its one rectangle, a rectangle marks a region. Immutable:
 * the store makes them, and a change comes back as a new one. */
SignetAnnotation     *signet_annotation_new                (gint64                      id,
                                                            gint64                      version_id,
                                                            SignetAnnotationKind        kind,
                                                            guint                       page,
                                                            const SignetAnnotationRect *rects,
                                                            guint                       n_rects,
                                                            const char                 *color,
                                                            const char                 *author,
                                                            const char                 *created_at,
                                                            const char                 *modified_at,
                                                            const char                 *comment);

gint64                signet_annotation_get_id             (SignetAnnotation           *self);
gint64                signet_annotation_get_version_id     (SignetAnnotation           *self);
SignetAnnotationKind  signet_annotation_get_kind           (SignetAnnotation           *self);
/* 0 for the first page. */
guint                 signet_annotation_get_page           (SignetAnnotation           *self);
/* Of SignetAnnotationRect, at least one. */
GArray               *signet_annotation_get_rects          (SignetAnnotation           *self);
/* The smallest rectangle around all of them, e.g. to scroll to. */
void                  signet_annotation_get_bounds         (SignetAnnotation           *self,
                                                            SignetAnnotationRect       *bounds);
/* "#rrggbb" */
const char           *signet_annotation_get_color          (SignetAnnotation           *self);
const char           *signet_annotation_get_author         (SignetAnnotation           *self);
/* ISO 8601 in UTC, as in the audit log. */
const char           *signet_annotation_get_created_at     (SignetAnnotation           *self);
const char           *signet_annotation_get_modified_at    (SignetAnnotation           *self);
/* "" when there is none. */
const char           *signet_annotation_get_comment        (SignetAnnotation           *self);

G_END_DECLS
