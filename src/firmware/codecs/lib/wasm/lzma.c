/*
 * LZMA symbol decoder for WebAssembly: the same algorithm as ../lzma-symbols.ts (written from the LZMA
 * specification of the public-domain LZMA SDK), compiled with clang --target=wasm32 by build.sh into
 * lzma-wasm.ts. No libc: the JavaScript side lays out state, probabilities, input and output in linear
 * memory and calls lzma_decode; output is the dictionary (one flat buffer, no circular window).
 */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;

struct lzma_state {
  u32 range, code, in_pos, in_end;
  u32 out_pos, dict_start;
  u32 state, rep0, rep1, rep2, rep3;
  u32 lc, lp, pb;
  u32 overlong;
};

enum { END_SIZE = 0, END_MARKER = 1, END_INPUT = 2, NEED_ROOM = 3, ERR_DISTANCE = -1, ERR_TRUNCATED = -2, ERR_REP_AT_START = -3 };

#define IS_MATCH 0
#define IS_REP 192
#define IS_REP_G0 204
#define IS_REP_G1 216
#define IS_REP_G2 228
#define IS_REP0_LONG 240
#define POS_SLOT 432
#define SPEC_POS 688
#define ALIGN 803
#define LEN 819
#define REP_LEN (LEN + 514)
#define LITERAL (REP_LEN + 514)
#define L_CHOICE2 1
#define L_LOW 2
#define L_MID 130
#define L_HIGH 258
#define MATCH_MAX 273
#define TOP (1u << 24)

#define NORMALIZE \
  if (range < TOP) { range <<= 8; code = (code << 8) | (in_pos < in_end ? in[in_pos] : 0); in_pos++; }

/* NORMALIZE with selects instead of a branch, which is taken at irregular intervals and so often mispredicted. */
#define NORMALIZE_SELECT \
  u32 n_ = range < TOP, b_ = in_pos < in_end ? in[in_pos] : 0; \
  range = n_ ? range << 8 : range; code = n_ ? (code << 8) | b_ : code; in_pos += n_;

/*
 * A bit decoded without branches (selects, normalisation included), for literal and bit-tree bits: their
 * values are the least predictable, and a mispredicted branch per bit costs more than computing both sides.
 * BIT, for the decision bits, branches on the bit (it steers the decoder) but normalises without a branch.
 */
#define LBIT(ptr, bit) \
  do { \
    u16 *p_ = (ptr); u32 pv_ = *p_; u32 bound_ = (range >> 11) * pv_; \
    bit = code >= bound_; \
    u32 p0_ = pv_ + ((2048 - pv_) >> 5), p1_ = pv_ - (pv_ >> 5); \
    range = bit ? range - bound_ : bound_; code = bit ? code - bound_ : code; *p_ = (u16)(bit ? p1_ : p0_); \
    NORMALIZE_SELECT \
  } while (0)

#define BIT(idx, bit) \
  do { \
    u16 *p_ = &probs[idx]; u32 pv_ = *p_; u32 bound_ = (range >> 11) * pv_; \
    if (code < bound_) { range = bound_; *p_ = (u16)(pv_ + ((2048 - pv_) >> 5)); bit = 0; } \
    else { range -= bound_; code -= bound_; *p_ = (u16)(pv_ - (pv_ >> 5)); bit = 1; } \
    NORMALIZE_SELECT \
  } while (0)


/* One bit of a literal, plain or matched (see the literal branch of lzma_decode). */
#define LITERAL_STEP LBIT(lit + sym, bit); sym = (sym << 1) | bit;
#define MATCHED_STEP \
  match_byte <<= 1; match_bit = match_byte & offset; LBIT(lit + offset + match_bit + sym, bit); \
  sym = (sym << 1) | bit; offset &= bit ? match_bit : ~match_bit;

int lzma_decode(struct lzma_state *s, u16 *probs, const u8 *in, u8 *out, u32 end, u32 cap, u32 stop_at_input_end) {
  u32 range = s->range, code = s->code, in_pos = s->in_pos, in_end = s->in_end;
  u32 pos = s->out_pos, dict_start = s->dict_start, state = s->state;
  u32 rep0 = s->rep0, rep1 = s->rep1, rep2 = s->rep2, rep3 = s->rep3;
  u32 lc = s->lc, lc_shift = 8 - s->lc, lp_mask = (1u << s->lp) - 1, pb_mask = (1u << s->pb) - 1;
  u32 bit, m, len;
  int why = END_SIZE;

  while (pos < end) {
    if (pos + MATCH_MAX > cap && cap < end) { why = NEED_ROOM; break; }
    if (in_pos > in_end) {
      if (stop_at_input_end) { why = END_INPUT; break; }
      why = ERR_TRUNCATED; break;
    }
    u32 rel = pos - dict_start;
    u32 pos_state = rel & pb_mask;
    BIT(IS_MATCH + (state << 4) + pos_state, bit);
    if (bit == 0) {
      u32 prev = rel > 0 ? out[pos - 1] : 0;
      u16 *lit = probs + LITERAL + 0x300 * (((rel & lp_mask) << lc) + (prev >> lc_shift));
      u32 sym = 1;
      if (state >= 7) {
        if (rep0 >= rel) { why = ERR_DISTANCE; break; }
        /* The matched literal without a branch per bit: `offset` stays 0x100 while the decoded bits agree
           with the match byte and drops to 0 at the first difference (LZMA SDK's formulation); the eight
           steps are written out like the plain literal's. */
        u32 match_byte = out[pos - rep0 - 1], offset = 0x100, match_bit;
        MATCHED_STEP MATCHED_STEP MATCHED_STEP MATCHED_STEP MATCHED_STEP MATCHED_STEP MATCHED_STEP MATCHED_STEP
      } else {
        /* Eight bits, written out: the loop's exit branch would be mispredicted once per literal. */
        LITERAL_STEP LITERAL_STEP LITERAL_STEP LITERAL_STEP LITERAL_STEP LITERAL_STEP LITERAL_STEP LITERAL_STEP
      }
      out[pos++] = (u8)sym;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }

    u32 len_base;
    BIT(IS_REP + state, bit);
    if (bit) {
      if (rel == 0) { why = ERR_REP_AT_START; break; }
      BIT(IS_REP_G0 + state, bit);
      if (bit == 0) {
        BIT(IS_REP0_LONG + (state << 4) + pos_state, bit);
        if (bit == 0) {
          if (rep0 >= rel) { why = ERR_DISTANCE; break; }
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        u32 dist;
        BIT(IS_REP_G1 + state, bit);
        if (bit == 0) dist = rep1;
        else {
          BIT(IS_REP_G2 + state, bit);
          if (bit == 0) dist = rep2;
          else { dist = rep3; rep3 = rep2; }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len_base = REP_LEN;
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2; rep2 = rep1; rep1 = rep0;
      len_base = LEN;
      state = state < 7 ? 7 : 10;
    }

    u32 tree, bits = 3;
    len = 0;
    BIT(len_base, bit);
    if (bit == 0) tree = len_base + L_LOW + (pos_state << 3);
    else {
      BIT(len_base + L_CHOICE2, bit);
      if (bit == 0) { tree = len_base + L_MID + (pos_state << 3); len = 8; }
      else { tree = len_base + L_HIGH; bits = 8; len = 16; }
    }
    m = 1;
    for (u32 k = 0; k < bits; k++) { LBIT(probs + tree + m, bit); m = (m << 1) | bit; }
    len += m - (1u << bits);

    if (len_base == LEN) {
      u32 slot_base = POS_SLOT + ((len < 3 ? len : 3) << 6);
      m = 1;
      for (u32 k = 0; k < 6; k++) { LBIT(probs + slot_base + m, bit); m = (m << 1) | bit; }
      u32 slot = m - 64;
      if (slot < 4) rep0 = slot;
      else {
        u32 direct = (slot >> 1) - 1;
        u32 dist = (2 | (slot & 1)) << direct;
        if (slot < 14) {
          u32 rb = SPEC_POS + dist - slot;
          m = 1;
          for (u32 k = 0; k < direct; k++) { LBIT(probs + rb + m, bit); m = (m << 1) | bit; dist |= bit << k; }
        } else {
          u32 hi = 0;
          for (u32 k = direct - 4; k > 0; k--) {
            range >>= 1;
            if (code >= range) { code -= range; hi = (hi << 1) | 1; } else hi <<= 1;
            NORMALIZE
          }
          dist |= hi << 4;
          m = 1;
          for (u32 k = 0; k < 4; k++) { LBIT(probs + ALIGN + m, bit); m = (m << 1) | bit; dist |= bit << k; }
        }
        rep0 = dist;
      }
      if (rep0 == 0xffffffffu) { why = END_MARKER; break; }
    }

    if (rep0 >= rel) { why = ERR_DISTANCE; break; }
    len += 2;
    if (len > end - pos) { len = end - pos; s->overlong = 1; }
    const u8 *from = out + pos - rep0 - 1;
    u8 *to = out + pos;
    pos += len;
    if (rep0 + 1 >= len) __builtin_memcpy(to, from, len);
    else while (len--) *to++ = *from++;
  }

  s->range = range; s->code = code; s->in_pos = in_pos;
  s->out_pos = pos; s->state = state;
  s->rep0 = rep0; s->rep1 = rep1; s->rep2 = rep2; s->rep3 = rep3;
  return why;
}

/*
 * CRC64 (ECMA-182 polynomial, reflected, as the xz format uses it), slicing by 8 bytes. Lives here so the
 * xz block check runs over output that is already in this module's memory.
 */
typedef unsigned long long u64;
static u64 crc64_table[8][256];
static int crc64_ready;

static void crc64_init(void) {
  for (u32 n = 0; n < 256; n++) {
    u64 c = n;
    for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0xC96C5795D7870F42ull : c >> 1;
    crc64_table[0][n] = c;
  }
  for (u32 n = 0; n < 256; n++)
    for (int t = 1; t < 8; t++) crc64_table[t][n] = (crc64_table[t - 1][n] >> 8) ^ crc64_table[0][crc64_table[t - 1][n] & 0xff];
  crc64_ready = 1;
}

u64 crc64(const u8 *p, u32 len, u64 crc) {
  if (!crc64_ready) crc64_init();
  crc = ~crc;
  while (len >= 8) {
    u64 v = crc ^ ((u64)p[0] | (u64)p[1] << 8 | (u64)p[2] << 16 | (u64)p[3] << 24 | (u64)p[4] << 32 | (u64)p[5] << 40 | (u64)p[6] << 48 | (u64)p[7] << 56);
    crc = crc64_table[7][v & 0xff] ^ crc64_table[6][(v >> 8) & 0xff] ^ crc64_table[5][(v >> 16) & 0xff] ^ crc64_table[4][(v >> 24) & 0xff] ^
          crc64_table[3][(v >> 32) & 0xff] ^ crc64_table[2][(v >> 40) & 0xff] ^ crc64_table[1][(v >> 48) & 0xff] ^ crc64_table[0][v >> 56];
    p += 8;
    len -= 8;
  }
  while (len--) crc = crc64_table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
  return ~crc;
}

/* XXH64 (xxhash_spec.md), whose low 32 bits are the Zstandard frame checksum. */
#define P64_1 11400714785074694791ull
#define P64_2 14029467366897019727ull
#define P64_3 1609587929392839161ull
#define P64_4 9650029242287828579ull
#define P64_5 2870177450012600261ull

static u64 rotl64(u64 x, int r) { return (x << r) | (x >> (64 - r)); }
static u64 rd64(const u8 *p) {
  return (u64)p[0] | (u64)p[1] << 8 | (u64)p[2] << 16 | (u64)p[3] << 24 | (u64)p[4] << 32 | (u64)p[5] << 40 | (u64)p[6] << 48 | (u64)p[7] << 56;
}
static u64 rd32(const u8 *p) { return (u64)p[0] | (u64)p[1] << 8 | (u64)p[2] << 16 | (u64)p[3] << 24; }
static u64 round64(u64 acc, u64 input) { return rotl64(acc + input * P64_2, 31) * P64_1; }
static u64 merge64(u64 acc, u64 val) { return (acc ^ round64(0, val)) * P64_1 + P64_4; }

u64 xxh64(const u8 *p, u32 len, u64 seed) {
  const u8 *end = p + len;
  u64 h;
  if (len >= 32) {
    u64 v1 = seed + P64_1 + P64_2, v2 = seed + P64_2, v3 = seed, v4 = seed - P64_1;
    do {
      v1 = round64(v1, rd64(p));
      v2 = round64(v2, rd64(p + 8));
      v3 = round64(v3, rd64(p + 16));
      v4 = round64(v4, rd64(p + 24));
      p += 32;
    } while (p + 32 <= end);
    h = rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18);
    h = merge64(h, v1);
    h = merge64(h, v2);
    h = merge64(h, v3);
    h = merge64(h, v4);
  } else {
    h = seed + P64_5;
  }
  h += len;
  for (; p + 8 <= end; p += 8) h = rotl64(h ^ round64(0, rd64(p)), 27) * P64_1 + P64_4;
  if (p + 4 <= end) {
    h = rotl64(h ^ (rd32(p) * P64_1), 23) * P64_2 + P64_3;
    p += 4;
  }
  for (; p < end; p++) h = rotl64(h ^ (*p * P64_5), 11) * P64_1;
  h ^= h >> 33;
  h *= P64_2;
  h ^= h >> 29;
  h *= P64_3;
  h ^= h >> 32;
  return h;
}
