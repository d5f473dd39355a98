#!/usr/bin/env python3
"""Runs pycognito (PyPI) on every case of cases.json; writes pycognito.json.

pycognito's randomness (os.urandom) is replaced by the case's fixed bytes and
its clock (datetime.datetime.utcnow) is frozen at the case's time. Nothing of
pycognito is copied: it is imported and driven through its own API.
"""

import datetime
import json
import os
import sys

from pycognito import aws_srp

HERE = os.path.dirname(os.path.abspath(__file__))


class FixedRandom:
    """Stands in for os.urandom: hands out the queued bytes, in order."""

    def __init__(self):
        self.queue = b""

    def load(self, *chunks):
        self.queue = b"".join(chunks)

    def __call__(self, n):
        if len(self.queue) < n:
            raise AssertionError(f"pycognito asked for {n} random bytes, {len(self.queue)} queued")
        out, self.queue = self.queue[:n], self.queue[n:]
        return out


FIXED_RANDOM = FixedRandom()
aws_srp.os.urandom = FIXED_RANDOM


class FrozenClock:
    """Stands in for the datetime module inside pycognito.aws_srp."""

    unix_time = 0

    class datetime(datetime.datetime):  # noqa: N801 - mirrors the module's name
        @classmethod
        def utcnow(cls):
            return datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=FrozenClock.unix_time)


aws_srp.datetime = FrozenClock


def new_srp(username, password, pool_id, client_id, private_key_hex, **extra):
    FIXED_RANDOM.load(bytes.fromhex(private_key_hex))
    srp = aws_srp.AWSSRP(
        username=username,
        password=password,
        pool_id=pool_id,
        client_id=client_id,
        client=object(),  # never used: no request is sent
        **extra,
    )
    assert not FIXED_RANDOM.queue
    return srp


def run(fn):
    try:
        return {"ok": fn()}
    except Exception as error:  # record what pycognito does with the input
        return {"error": f"{type(error).__name__}: {error}"}


def user_case(case):
    params = case["challenge_parameters"]
    extra = {}
    if "client_secret" in case:
        extra["client_secret"] = case["client_secret"]
    if "device_key" in case:
        # pycognito wants all three device values; only DEVICE_KEY reaches the answer.
        extra.update(device_key=case["device_key"], device_group_key="-unused", device_password="unused")
    srp = new_srp(params["USERNAME"], case["password"], case["pool_id"], case.get("client_id", "client-id"),
                  case["private_key_hex"], **extra)
    FrozenClock.unix_time = case["unix_time"]
    result = run(lambda: srp.process_challenge(params, {"USERNAME": params["USERNAME"]}))
    result["srp_a"] = srp.get_auth_params()["SRP_A"]
    return {"name": case["name"], **result}


def device_case(case):
    params = case["challenge_parameters"]
    extra = dict(device_key=case["device_key"], device_group_key=case["device_group_key"],
                 device_password=case["device_password"])
    if "client_secret" in case:
        extra["client_secret"] = case["client_secret"]
    srp = new_srp(params["USERNAME"], "unused", "us-east-1_unused", case.get("client_id", "client-id"),
                  case["private_key_hex"], **extra)
    FrozenClock.unix_time = case["unix_time"]
    result = run(lambda: srp.process_device_challenge(params))
    result["srp_a"] = aws_srp.long_to_hex(srp.large_a_value)
    return {"name": case["name"], **result}


def device_verifier_case(case):
    FIXED_RANDOM.load(bytes.fromhex(case["password_bytes_hex"]), bytes.fromhex(case["salt_bytes_hex"]))
    password, config = aws_srp.generate_hash_device(case["device_group_key"], case["device_key"])
    assert not FIXED_RANDOM.queue
    return {"name": case["name"], "device_password": password, "config": config}


def secret_hash_case(case):
    return {
        "name": case["name"],
        "secret_hash": aws_srp.AWSSRP.get_secret_hash(case["username"], case["client_id"], case["client_secret"]),
    }


def timestamp_case(case):
    moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=case["unix_time"])
    # pycognito formats TIMESTAMP two ways: the user flow by hand, the device flow
    # with strftime and a regex. Record both.
    FrozenClock.unix_time = case["unix_time"]
    return {
        "name": case["name"],
        "user_flow": aws_srp.AWSSRP.get_cognito_formatted_timestamp(moment),
        "device_flow": aws_srp.re.sub(r" 0(\d) ", r" \1 ", moment.strftime("%a %b %d %H:%M:%S UTC %Y")),
    }


def main():
    with open(os.path.join(HERE, "cases.json"), encoding="utf-8") as f:
        cases = json.load(f)
    from importlib.metadata import version

    out = {
        "comment": "Outputs of pycognito for cases.json; written by gen_pycognito.py.",
        "implementation": f"pycognito {version('pycognito')} (Python {sys.version.split()[0]})",
        "user": [user_case(c) for c in cases["user"]],
        "device": [device_case(c) for c in cases["device"]],
        "device_verifier": [device_verifier_case(c) for c in cases["device_verifier"]],
        "secret_hash": [secret_hash_case(c) for c in cases["secret_hash"]],
        "timestamp": [timestamp_case(c) for c in cases["timestamp"]],
    }
    with open(os.path.join(HERE, "pycognito.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
