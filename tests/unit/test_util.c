/* Base utilities: the pieces every report depends on for correctness. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "util/json.h"
#include "util/sha256.h"
#include "util/status.h"
#include "util/utf8.h"

static void sha256_matches_fips_vectors(void **state)
{
    (void)state;
    char hex[65];
    sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void sha256_streaming_equals_one_shot(void **state)
{
    (void)state;
    static char data[1000];
    for (size_t i = 0; i < sizeof data; i++) data[i] = (char)('a' + i % 26);
    char one[65];
    sha256_hex(data, sizeof data, one);
    for (size_t step = 1; step < 130; step += 7) {
        sha256_ctx c;
        sha256_init(&c);
        for (size_t off = 0; off < sizeof data; off += step)
            sha256_update(&c, data + off, off + step > sizeof data ? sizeof data - off : step);
        unsigned char d[32];
        sha256_final(&c, d);
        char hex[65];
        for (int i = 0; i < 32; i++) snprintf(hex + 2 * i, 3, "%02x", d[i]);
        assert_string_equal(hex, one);
    }
}

static void utf8_rejects_overlong_surrogates_and_truncation(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode("\xE6\x9D\xA1", 3, &cp), 3); /* 条 */
    assert_int_equal(cp, 0x6761);
    assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 0);     /* overlong '/' */
    assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 0); /* surrogate */
    assert_int_equal(utf8_decode("\xE6\x9D", 2, &cp), 0);     /* truncated */
    assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
    const char *s = "第１条\xFF";
    assert_int_equal(utf8_valid_prefix(s, strlen(s)), strlen(s) - 1);
    assert_int_equal(utf8_count("第１条", strlen("第１条")), 3);
}

static void json_escapes_controls_bidi_and_bad_bytes(void **state)
{
    (void)state;
    sbuf out = SBUF_INIT;
    const char *in = "a\"b\\c\n\x01 \xE2\x80\xAE evil \xFF 条";
    json_escape(&out, in, strlen(in));
    assert_string_equal(sbuf_cstr(&out), "a\\\"b\\\\c\\n\\u0001 \\u202e evil \\ufffd 条");
    sbuf_free(&out);
}

static void json_writer_nests_with_commas(void **state)
{
    (void)state;
    sbuf out = SBUF_INIT;
    jw w;
    jw_init(&w, &out, NULL, false);
    jw_object_begin(&w);
    jw_kv_int(&w, "a", 1);
    jw_key(&w, "b");
    jw_array_begin(&w);
    jw_string(&w, "x");
    jw_bool(&w, true);
    jw_object_begin(&w);
    jw_object_end(&w);
    jw_array_end(&w);
    jw_key(&w, "c");
    jw_double(&w, 0.1);
    jw_object_end(&w);
    assert_string_equal(sbuf_cstr(&out), "{\"a\":1,\"b\":[\"x\",true,{}],\"c\":0.1}");
    sbuf_free(&out);
}

static void error_messages_in_both_languages(void **state)
{
    (void)state;
    pl_error e;
    pl_error_clear(&e);
    pl_error_set(&e, PL_E_PART_TOO_LARGE, "word/document.xml", NULL);
    e.value = 300;
    e.limit = 256;
    sbuf ja = SBUF_INIT, en = SBUF_INIT;
    pl_error_format(&e, PL_LANG_JA, &ja);
    pl_error_format(&e, PL_LANG_EN, &en);
    assert_non_null(strstr(sbuf_cstr(&ja), "word/document.xml"));
    assert_non_null(strstr(sbuf_cstr(&ja), "上限 256"));
    assert_non_null(strstr(sbuf_cstr(&en), "limit 256"));
    assert_string_equal(pl_status_name(PL_E_DTD), "DTD_FORBIDDEN");
    /* the first error wins: later ones are consequences */
    pl_error_set(&e, PL_E_XML, NULL, "later");
    assert_int_equal(e.status, PL_E_PART_TOO_LARGE);
    sbuf_free(&ja);
    sbuf_free(&en);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sha256_matches_fips_vectors),
        cmocka_unit_test(sha256_streaming_equals_one_shot),
        cmocka_unit_test(utf8_rejects_overlong_surrogates_and_truncation),
        cmocka_unit_test(json_escapes_controls_bidi_and_bad_bytes),
        cmocka_unit_test(json_writer_nests_with_commas),
        cmocka_unit_test(error_messages_in_both_languages),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
