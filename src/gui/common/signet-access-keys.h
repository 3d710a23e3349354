/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @label without its access key marker: the underscore of "_Save", or
 * the whole "(_S)" that Chinese and Japanese translations add ("保存(_S)"
 * is "保存"); "__" stands for an underscore. */
char *signet_access_keys_strip   (const char *label);

/* From now on, every label with an access key that is shown is named for
 * assistive technology without its marker. */
void  signet_access_keys_install (void);

G_END_DECLS
