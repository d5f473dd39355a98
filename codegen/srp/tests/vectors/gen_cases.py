#!/usr/bin/env python3
"""Writes cases.json: the inputs of every SRP test vector.

Standard library only and seeded, so the inputs are the same on every run. The
outputs come from two implementations nobody here wrote (gen_pycognito.py,
gen_cognito_js.mjs); this script only plays the *server* where a realistic
SRP_B is wanted (B = k*v + g^b mod N, v = g^x, with x computed the way AWS's
JavaScript SDK computes it).
"""

import base64
import hashlib
import json
import os
import random

N_HEX = (
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF"
)
N = int(N_HEX, 16)
G = 2
MAX_UNIX = 253402300799  # 9999-12-31 23:59:59 UTC

rng = random.Random(20261122)


def rand_bytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def padded(value):
    """Java BigInteger.toByteArray of a non-negative integer."""
    raw = value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")
    return b"\x00" + raw if raw[0] & 0x80 else raw


def sha256(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


K = int.from_bytes(sha256(padded(N), padded(G)), "big")


def server_b(prefix, identity, password, salt_hex, want_top_bit=None):
    """A realistic SRP_B for this password (salt parsed as an integer, as the JS SDK does)."""
    x = int.from_bytes(
        sha256(padded(int(salt_hex, 16)), sha256(f"{prefix}{identity}:{password}".encode())),
        "big",
    )
    v = pow(G, x, N)
    while True:
        b = int.from_bytes(rand_bytes(32), "big")
        big_b = (K * v + pow(G, b, N)) % N
        top = big_b.bit_length() == 3072
        if want_top_bit is None or top == want_top_bit:
            return big_b


def b64(data, url_safe=False, pad=True):
    text = (base64.urlsafe_b64encode if url_safe else base64.standard_b64encode)(data).decode()
    return text if pad else text.rstrip("=")


def salt_hex_for(kind):
    if kind == "top_bit":
        return (bytes([0x80 | rng.getrandbits(7)]) + rand_bytes(15)).hex()
    if kind == "no_top_bit":
        return (bytes([0x10 | rng.getrandbits(3)]) + rand_bytes(15)).hex()
    if kind == "leading_zero_byte":
        # "00" then a byte below 0x80: pycognito keeps the zero byte, the JS SDK drops it.
        return "00" + (bytes([0x01 + rng.getrandbits(6)]) + rand_bytes(14)).hex()
    if kind == "leading_zero_byte_top_bit":
        # "00" then a byte >= 0x80: both keep exactly one zero byte.
        return "00" + (bytes([0x80 | rng.getrandbits(7)]) + rand_bytes(14)).hex()
    if kind == "two_leading_zero_bytes":
        return "0000" + rand_bytes(14).hex()
    if kind == "odd_length":
        return rand_bytes(16).hex()[1:].lstrip("0") or "1"
    if kind == "uppercase":
        return (bytes([0x80 | rng.getrandbits(7)]) + rand_bytes(15)).hex().upper()
    if kind == "short":
        return "7f"
    raise ValueError(kind)


POOLS = [
    "us-east-1_AbCdEfGhI",
    "eu-west-2_Xy12Zw34q",
    "ap-southeast-1_q1W2e3R4t",
    "us-gov-west-1_0aB1cD2eF",
    "eu-central-1_zzzzzzzzz",
]

USERS = [
    # (USERNAME challenge parameter, USER_ID_FOR_SRP, password)
    ("alice", "alice", "Password123!"),
    ("bob@example.com", "bob@example.com", "correct horse battery staple"),
    ("José", "José", "contraseña-ñ"),
    ("用户名", "用户名", "密码🔑"),
    ("Ωmega😀", "Ωmega😀", "p"),
    ("8d3e6a84-7f1b-4c2e-9a0b-1f2e3d4c5b6a", "8d3e6a84-7f1b-4c2e-9a0b-1f2e3d4c5b6a", "Tr0ub4dor&3"),
    # Alias sign-in: the user typed an e-mail or phone, Cognito answers with the real
    # user name in USERNAME and USER_ID_FOR_SRP differs from what was typed.
    ("6f1c0a7e-3b2d-4e5f-8a9b-0c1d2e3f4a5b", "carol.smith+tag@example.co.uk", "Sup3r$ecret"),
    ("dave", "6b0f4c1e-2d3a-4b5c-9d8e-7f6a5b4c3d2e", "hunter2hunter2"),
    ("e7a1b2c3-d4e5-4f60-8a1b-2c3d4e5f6a7b", "+15555550123", "phone-login-pw"),
    ("ümlaut@exämple.de", "d0d0cafe-0000-4000-8000-000000000001", "Grüße!"),
]

SALT_KINDS = [
    "top_bit", "no_top_bit", "leading_zero_byte", "leading_zero_byte_top_bit",
    "two_leading_zero_bytes", "odd_length", "uppercase", "short",
]


def user_cases():
    cases = []
    for i in range(24):
        username, user_id, password = USERS[i % len(USERS)]
        pool_id = POOLS[i % len(POOLS)]
        pool_name = pool_id.split("_")[1]
        salt_kind = SALT_KINDS[i % len(SALT_KINDS)] if i < 16 else rng.choice(["top_bit", "no_top_bit"])
        salt = salt_hex_for(salt_kind)
        b_kind = ["realistic_top_bit", "realistic_no_top_bit"][i % 2]
        if i == 16:
            b_kind = "small"
        elif i == 17:
            b_kind = "small_top_bit"
        elif i == 18:
            b_kind = "above_n"
        elif i == 19:
            b_kind = "leading_zero_digits"
        elif i == 20:
            b_kind = "uppercase"
        elif i == 21:
            b_kind = "above_n_realistic"
        if b_kind == "small":
            srp_b = "2"
        elif b_kind == "small_top_bit":
            srp_b = "ff"
        elif b_kind == "above_n":
            srp_b = format(N + 12345, "x")
        elif b_kind == "above_n_realistic":
            srp_b = format(server_b(pool_name, user_id, password, salt) + N, "x")
        else:
            big_b = server_b(pool_name, user_id, password, salt, want_top_bit=(b_kind != "realistic_no_top_bit"))
            srp_b = format(big_b, "x")
            if b_kind == "leading_zero_digits":
                srp_b = "000" + srp_b
            elif b_kind == "uppercase":
                srp_b = srp_b.upper()
        a = rand_bytes(128)
        if i == 3:
            a = b"\x00" + a[1:]  # a's top byte zero
        if i == 4:
            a = b"\x00\x00\x00" + a[3:]
        secret_block_raw = rand_bytes(rng.randint(64, 1100))
        secret_block_style = "standard"
        if i == 22:
            secret_block_style = "url_safe_unpadded"
        elif i == 23:
            secret_block_style = "standard_unpadded"
        secret_block = b64(
            secret_block_raw,
            url_safe=secret_block_style.startswith("url_safe"),
            pad=not secret_block_style.endswith("unpadded"),
        )
        case = {
            "name": f"user-{i:02}-{salt_kind}-{b_kind}",
            "pool_id": pool_id,
            "password": password,
            "private_key_hex": a.hex(),
            "unix_time": rng.randint(0, MAX_UNIX) if i % 3 else rng.randint(1_600_000_000, 1_900_000_000),
            "challenge_parameters": {
                "SALT": salt,
                "SRP_B": srp_b,
                "SECRET_BLOCK": secret_block,
                "USER_ID_FOR_SRP": user_id,
                "USERNAME": username,
            },
            "salt_kind": salt_kind,
            "srp_b_kind": b_kind,
            "secret_block_style": secret_block_style,
        }
        if i % 4 == 1:
            case["client_id"] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(26))
            case["client_secret"] = b64(rand_bytes(38))
        if i % 5 == 2:
            case["device_key"] = pool_id.split("_")[0] + "_" + rand_bytes(16).hex()
        cases.append(case)
    return cases


def device_group_key():
    return "-" + b64(rand_bytes(6), url_safe=True, pad=False)


def device_cases():
    cases = []
    for i in range(10):
        region = POOLS[i % len(POOLS)].split("_")[0]
        group_key = device_group_key()
        device_key = f"{region}_{rand_bytes(4).hex()}-{rand_bytes(2).hex()}-{rand_bytes(2).hex()}-{rand_bytes(2).hex()}-{rand_bytes(6).hex()}"
        device_password = b64(rand_bytes(40))
        salt_kind = ["top_bit", "no_top_bit", "leading_zero_byte", "leading_zero_byte_top_bit", "odd_length"][i % 5]
        salt = salt_hex_for(salt_kind)
        srp_b = format(server_b(group_key, device_key, device_password, salt, want_top_bit=i % 2 == 0), "x")
        username = USERS[i % len(USERS)][0]
        case = {
            "name": f"device-{i:02}-{salt_kind}",
            "device_group_key": group_key,
            "device_key": device_key,
            "device_password": device_password,
            "private_key_hex": rand_bytes(128).hex(),
            "unix_time": rng.randint(0, MAX_UNIX),
            "challenge_parameters": {
                "SALT": salt,
                "SRP_B": srp_b,
                "SECRET_BLOCK": b64(rand_bytes(rng.randint(64, 1100))),
                "USERNAME": username,
            },
            "salt_kind": salt_kind,
        }
        if i % 3 == 1:
            case["client_id"] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(26))
            case["client_secret"] = b64(rand_bytes(38))
        cases.append(case)
    return cases


def device_verifier_cases():
    cases = []
    salt_kinds = ["top_bit", "no_top_bit", "leading_zero", "two_leading_zeros", "leading_zero_top_bit"]
    for i in range(10):
        region = POOLS[i % len(POOLS)].split("_")[0]
        kind = salt_kinds[i % len(salt_kinds)]
        salt = bytearray(rand_bytes(16))
        if kind == "top_bit":
            salt[0] |= 0x80
        elif kind == "no_top_bit":
            salt[0] = 0x01 + (salt[0] & 0x7E)
        elif kind == "leading_zero":
            salt[0] = 0
            salt[1] = 0x01 + (salt[1] & 0x7E)
        elif kind == "two_leading_zeros":
            salt[0] = 0
            salt[1] = 0
        else:
            salt[0] = 0
            salt[1] |= 0x80
        cases.append({
            "name": f"verifier-{i:02}-{kind}",
            "device_group_key": device_group_key(),
            "device_key": f"{region}_{rand_bytes(16).hex()}",
            "password_bytes_hex": rand_bytes(40).hex(),
            "salt_bytes_hex": bytes(salt).hex(),
            "salt_kind": kind,
        })
    return cases


def secret_hash_cases():
    usernames = ["alice", "bob@example.com", "José", "用户名", "Ωmega😀", "+15555550123",
                 "8d3e6a84-7f1b-4c2e-9a0b-1f2e3d4c5b6a", "a", "name with spaces", "x" * 128]
    cases = []
    for i, username in enumerate(usernames):
        secret_len = [52, 38, 64, 1, 100, 52, 52, 52, 65, 52][i]
        cases.append({
            "name": f"secret-hash-{i:02}",
            "client_secret": b64(rand_bytes(secret_len))[:secret_len] if secret_len > 1 else "s",
            "username": username,
            "client_id": "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(26)),
        })
    return cases


def timestamp_cases():
    fixed = [
        0,                # epoch, single-digit day
        1,
        59, 60, 3599, 3600, 86399, 86400,
        951782400,        # 2000-02-29 00:00:00 (leap day, century leap year)
        951868799,        # 2000-02-29 23:59:59
        1078012800,       # 2004-02-29
        1709164800,       # 2024-02-29 00:00:00
        1709251199,       # 2024-02-29 23:59:59
        1709251200,       # 2024-03-01
        4107456000,       # 2100-02-28 (2100 is not a leap year)
        4107542400,       # 2100-03-01
        1793616658,       # 2026-11-02 10:50:58 (the example)
        1704067200,       # 2024-01-01 midnight
        1735689599,       # 2024-12-31 23:59:59
        1000000000,
        1234567890,
        2147483647,       # 2038-01-19 03:14:07
        2147483648,
        253402214400,     # 9999-12-31 00:00:00
        253402300799,     # 9999-12-31 23:59:59
        946684800,        # 2000-01-01 midnight
        946684799,        # 1999-12-31 23:59:59
        1583020800,       # 2020-03-01 (after a leap day)
        1582934400,       # 2020-02-29
        1288483200,       # single-digit day, October
    ]
    out = [{"name": f"timestamp-{i:02}", "unix_time": t} for i, t in enumerate(fixed)]
    while len(out) < 40:
        out.append({"name": f"timestamp-{len(out):02}", "unix_time": rng.randint(0, MAX_UNIX)})
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = {
        "comment": "Inputs of the SRP test vectors; written by gen_cases.py (seeded, stdlib only).",
        "user": user_cases(),
        "device": device_cases(),
        "device_verifier": device_verifier_cases(),
        "secret_hash": secret_hash_cases(),
        "timestamp": timestamp_cases(),
    }
    with open(os.path.join(here, "cases.json"), "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
