// json_lite: just enough JSON for llama_reference — flat request objects in, answers out.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace json_lite {

/// A flat JSON object whose values are strings, numbers, booleans or null (kept as text).
struct Object {
    std::map<std::string, std::string> strings;
    std::map<std::string, double> numbers;
    std::map<std::string, bool> booleans;

    std::string str(const std::string & key) const {
        auto it = strings.find(key);
        if (it == strings.end()) {
            fprintf(stderr, "request has no string field '%s'\n", key.c_str());
            exit(1);
        }
        return it->second;
    }
    double num(const std::string & key, double fallback) const {
        auto it = numbers.find(key);
        return it == numbers.end() ? fallback : it->second;
    }
    bool boolean(const std::string & key, bool fallback) const {
        auto it = booleans.find(key);
        return it == booleans.end() ? fallback : it->second;
    }
};

static void append_utf8(std::string & out, unsigned cp) {
    if (cp < 0x80) {
        out += (char) cp;
    } else if (cp < 0x800) {
        out += (char) (0xC0 | (cp >> 6));
        out += (char) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += (char) (0xE0 | (cp >> 12));
        out += (char) (0x80 | ((cp >> 6) & 0x3F));
        out += (char) (0x80 | (cp & 0x3F));
    } else {
        out += (char) (0xF0 | (cp >> 18));
        out += (char) (0x80 | ((cp >> 12) & 0x3F));
        out += (char) (0x80 | ((cp >> 6) & 0x3F));
        out += (char) (0x80 | (cp & 0x3F));
    }
}

struct Parser {
    const std::string & s;
    size_t i = 0;

    [[noreturn]] void fail(const char * what) const {
        fprintf(stderr, "bad JSON request at byte %zu: %s\n", i, what);
        exit(1);
    }
    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n')) i++;
    }
    void expect(char c) {
        ws();
        if (i >= s.size() || s[i] != c) fail("unexpected character");
        i++;
    }
    unsigned hex4() {
        if (i + 4 > s.size()) fail("short \\u escape");
        unsigned v = (unsigned) strtoul(s.substr(i, 4).c_str(), nullptr, 16);
        i += 4;
        return v;
    }
    std::string string() {
        expect('"');
        std::string out;
        while (i < s.size() && s[i] != '"') {
            char c = s[i++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= s.size()) fail("dangling escape");
            char e = s[i++];
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
                        i += 2;
                        unsigned lo = hex4();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: fail("unknown escape");
            }
        }
        if (i >= s.size()) fail("unterminated string");
        i++;
        return out;
    }
};

/// Parses one flat JSON object (no nested arrays/objects).
static Object parse_object(const std::string & line) {
    Parser p{line};
    Object obj;
    p.expect('{');
    p.ws();
    if (p.i < line.size() && line[p.i] == '}') return obj;
    while (true) {
        std::string key = p.string();
        p.expect(':');
        p.ws();
        if (p.i >= line.size()) p.fail("missing value");
        char c = line[p.i];
        if (c == '"') {
            obj.strings[key] = p.string();
        } else if (line.compare(p.i, 4, "true") == 0) {
            obj.booleans[key] = true;
            p.i += 4;
        } else if (line.compare(p.i, 5, "false") == 0) {
            obj.booleans[key] = false;
            p.i += 5;
        } else if (line.compare(p.i, 4, "null") == 0) {
            p.i += 4;
        } else {
            char * end = nullptr;
            obj.numbers[key] = strtod(line.c_str() + p.i, &end);
            if (end == line.c_str() + p.i) p.fail("bad value");
            p.i = end - line.c_str();
        }
        p.ws();
        if (p.i < line.size() && line[p.i] == ',') {
            p.i++;
            continue;
        }
        p.expect('}');
        return obj;
    }
}

/// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not valid.
static size_t utf8_length(const std::string & s, size_t i) {
    unsigned char c = (unsigned char) s[i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (size_t k = 1; k < n; k++) {
        if (((unsigned char) s[i + k] >> 6) != 0x2) return 0;
    }
    return n;
}

/// A JSON string literal; invalid UTF-8 bytes become U+FFFD (as Python's errors="replace").
static std::string quote(const std::string & s) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size();) {
        unsigned char c = (unsigned char) s[i];
        size_t n = utf8_length(s, i);
        if (n == 0) {
            out += "\\ufffd";
            i++;
            continue;
        }
        if (n > 1) {
            out.append(s, i, n);
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c < 0x20) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += (char) c;
        }
        i += n;
    }
    return out + "\"";
}

/// A float printed so that it reads back to the same float32.
static std::string number(double v) {
    if (!std::isfinite(v)) return "null";
    char buf[32];
    snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

template <typename T> static std::string ints(const std::vector<T> & v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); i++) out += (i ? "," : "") + std::to_string(v[i]);
    return out + "]";
}

static std::string floats(const std::vector<float> & v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); i++) out += (i ? "," : "") + number(v[i]);
    return out + "]";
}

}  // namespace json_lite
