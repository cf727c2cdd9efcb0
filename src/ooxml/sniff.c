/*
 * sniff.c - what kind of file is this, from its bytes alone.
 *
 * A zip starts with a local header (PK\3\4) or, when empty, with the end
 * record (PK\5\6). Password-protected OOXML, legacy .doc/.xls and other
 * Office binaries share one container, the OLE Compound File (MS-CFB), so
 * for those we walk the CFB directory and look at the stream names:
 * EncryptionInfo/EncryptedPackage (MS-OFFCRYPTO), WordDocument, Workbook/Book.
 * The walk trusts nothing: every sector number is range-checked and every
 * chain is bounded by the number of sectors in the file, so a hostile CFB
 * can neither loop nor read out of bounds.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static const unsigned char CFB_MAGIC[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};

enum {
    CFB_HEADER = 512,
    CFB_DIR_ENTRY = 128,
    CFB_HEADER_DIFAT = 109,
    CFB_MAXREGSECT = 0xFFFFFFFA, /* larger values are markers (free, end ...) */
};

typedef struct cfb {
    const unsigned char *data;
    size_t n;
    uint32_t sector_size;
    uint32_t nsectors; /* sectors that fit in the file after the header */
} cfb;

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static const unsigned char *cfb_sector(const cfb *c, uint32_t sect)
{
    if (sect >= c->nsectors) return NULL;
    size_t off = (size_t)(sect + 1) * c->sector_size;
    if (off + c->sector_size > c->n) return NULL;
    return c->data + off;
}

/* The FAT entry of a sector: find which FAT sector holds it through the
 * DIFAT (header part only; files under ~7 MB never need more, and for
 * larger ones an unresolvable entry just ends the directory walk early). */
static uint32_t cfb_next(const cfb *c, uint32_t sect)
{
    uint32_t per_sector = c->sector_size / 4;
    uint32_t fat_index = sect / per_sector;
    if (fat_index >= CFB_HEADER_DIFAT) return 0xFFFFFFFE;
    uint32_t fat_sect = le32(c->data + 76 + 4 * fat_index);
    const unsigned char *fat = cfb_sector(c, fat_sect);
    if (!fat) return 0xFFFFFFFE;
    return le32(fat + 4 * (sect % per_sector));
}

/* Compares a directory entry's UTF-16LE name with an ASCII name. */
static bool cfb_name_is(const unsigned char *entry, const char *ascii)
{
    uint16_t bytes = le16(entry + 64); /* includes the terminating NUL */
    size_t len = strlen(ascii);
    if (bytes != (len + 1) * 2) return false;
    for (size_t i = 0; i < len; i++)
        if (le16(entry + 2 * i) != (unsigned char)ascii[i]) return false;
    return true;
}

static sniff_kind sniff_cfb(const unsigned char *data, size_t n, char *detail, size_t size)
{
    if (n < CFB_HEADER) {
        snprintf(detail, size, "truncated compound file");
        return SNIFF_LEGACY_OTHER;
    }
    uint16_t shift = le16(data + 30);
    if (shift != 9 && shift != 12) {
        snprintf(detail, size, "compound file with sector shift %u", shift);
        return SNIFF_LEGACY_OTHER;
    }
    cfb c = {.data = data, .n = n, .sector_size = 1u << shift};
    /* The header occupies sector -1, padded to a whole sector in v4. */
    size_t whole = n / c.sector_size;
    c.nsectors = whole > 1 ? (uint32_t)(whole - 1) : 0;

    bool encrypted_info = false, encrypted_package = false, word = false, excel = false;
    bool powerpoint = false;
    uint32_t sect = le32(data + 48);
    /* A chain can visit each sector at most once. */
    for (uint32_t steps = 0; sect <= CFB_MAXREGSECT && steps < c.nsectors; steps++) {
        const unsigned char *s = cfb_sector(&c, sect);
        if (!s) break;
        for (uint32_t off = 0; off + CFB_DIR_ENTRY <= c.sector_size; off += CFB_DIR_ENTRY) {
            const unsigned char *e = s + off;
            if (e[66] == 0) continue; /* unused entry */
            encrypted_info |= cfb_name_is(e, "EncryptionInfo");
            encrypted_package |= cfb_name_is(e, "EncryptedPackage");
            word |= cfb_name_is(e, "WordDocument");
            excel |= cfb_name_is(e, "Workbook") || cfb_name_is(e, "Book");
            powerpoint |= cfb_name_is(e, "PowerPoint Document");
        }
        sect = cfb_next(&c, sect);
    }
    if (encrypted_info || encrypted_package) {
        snprintf(detail, size, "EncryptionInfo/EncryptedPackage streams");
        return SNIFF_ENCRYPTED;
    }
    if (word) {
        snprintf(detail, size, "WordDocument stream");
        return SNIFF_LEGACY_DOC;
    }
    if (excel) {
        snprintf(detail, size, "Workbook stream");
        return SNIFF_LEGACY_XLS;
    }
    snprintf(detail, size, powerpoint ? "PowerPoint 97-2003 presentation" : "unknown compound file");
    return SNIFF_LEGACY_OTHER;
}

static bool starts(const unsigned char *d, size_t n, const char *magic, size_t len)
{
    return n >= len && memcmp(d, magic, len) == 0;
}

sniff_kind sniff_bytes(const unsigned char *data, size_t n, char *detail, size_t size)
{
    detail[0] = '\0';
    if (n == 0) return SNIFF_EMPTY;
    if (starts(data, n, "PK\x03\x04", 4) || starts(data, n, "PK\x05\x06", 4) ||
        starts(data, n, "PK\x07\x08", 4))
        return SNIFF_ZIP;
    if (n >= 8 && memcmp(data, CFB_MAGIC, 8) == 0) return sniff_cfb(data, n, detail, size);

    static const struct {
        const char *magic;
        const char *what;
    } known[] = {
        {"%PDF", "PDF"},
        {"{\\rtf", "RTF"},
        {"<?xml", "plain XML (Word 2003 XML or flat ODF?)"},
        {"<html", "HTML"},
        {"<!DOCTYPE", "HTML or XML"},
        {"\x1f\x8b", "gzip"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (starts(data, n, known[i].magic, strlen(known[i].magic))) {
            snprintf(detail, size, "%s", known[i].what);
            return SNIFF_UNKNOWN;
        }
    }
    snprintf(detail, size, "unrecognised leading bytes %02X %02X %02X %02X", data[0],
             n > 1 ? data[1] : 0, n > 2 ? data[2] : 0, n > 3 ? data[3] : 0);
    return SNIFF_UNKNOWN;
}
