"""hrd.read.addresses: which addresses the fetcher may connect to (the fetches are in test_fetch.py)."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from ipaddress import IPv4Address, IPv6Address, ip_address

import httpcore
import httpx
import pytest

from hrd.errors import AddressRefusedError
from hrd.read.addresses import GuardedBackend, allow_all, guarded_transport, refusal, resolve

REFUSED = [
    ("127.0.0.1", "a loopback address"),
    ("127.255.255.254", "a loopback address"),
    ("::1", "a loopback address"),
    ("0.0.0.0", "an unspecified address"),
    ("::", "an unspecified address"),
    ("169.254.169.254", "a link-local address"),  # cloud metadata
    ("fe80::1", "a link-local address"),
    ("224.0.0.1", "a multicast address"),  # ipaddress calls IPv4 multicast "global": refused all the same
    ("239.255.255.250", "a multicast address"),
    ("ff02::1", "a multicast address"),
    ("ff0e::1", "a multicast address"),
    ("240.0.0.1", "a reserved address"),
    ("255.255.255.255", "a reserved address"),
    ("10.0.0.1", "a private address"),
    ("172.16.5.4", "a private address"),
    ("172.31.255.255", "a private address"),
    ("192.168.1.1", "a private address"),
    ("192.0.0.8", "a reserved address"),
    ("192.0.0.170", "a private address"),
    ("192.88.99.1", "a reserved address"),
    ("198.18.0.1", "a private address"),  # benchmarking
    ("192.0.2.1", "a private address"),  # documentation
    ("fc00::1", "a private address"),
    ("fd12:3456::1", "a private address"),
    ("2001:db8::1", "a private address"),
    ("3fff::1", "a reserved address"),
    ("5f00::1", "a reserved address"),
    ("100::1", "a reserved address"),  # discard-only
    ("64:ff9b:1::1", "a reserved address"),  # local-use NAT64
    ("100.64.0.1", "a non-public address"),  # carrier-grade NAT
    ("fec0::1", "a site-local address"),
    # IPv6 forms of an IPv4 address are judged by that address.
    ("::ffff:127.0.0.1", "a loopback address"),
    ("::ffff:169.254.169.254", "a link-local address"),
    ("::ffff:10.0.0.1", "a private address"),
    ("::ffff:0.0.0.0", "an unspecified address"),
    ("64:ff9b::7f00:1", "a loopback address"),  # NAT64
    ("64:ff9b::a9fe:a9fe", "a link-local address"),
    ("2002:7f00:1::1", "a loopback address"),  # 6to4
    ("2002:c0a8:101::1", "a private address"),
    ("::127.0.0.1", "a reserved address"),  # IPv4-compatible (deprecated)
    ("::ffff:0:7f00:1", "a reserved address"),  # IPv4-translated
]
PUBLIC = ["8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001::200e"]
PUBLIC_IN_IPV6 = ["::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]


@pytest.mark.parametrize(("address", "why"), REFUSED)
def test_non_public_addresses_are_refused_with_a_reason(address: str, why: str) -> None:
    assert refusal(ip_address(address)) == why


@pytest.mark.parametrize("address", PUBLIC + PUBLIC_IN_IPV6)
def test_public_addresses_are_allowed(address: str) -> None:
    assert refusal(ip_address(address)) is None


def test_every_loopback_and_private_network_boundary() -> None:
    assert refusal(IPv4Address("126.255.255.255")) is None
    assert refusal(IPv4Address("128.0.0.0")) is None
    assert refusal(IPv4Address("172.15.255.255")) is None
    assert refusal(IPv4Address("172.32.0.0")) is None
    assert refusal(IPv4Address("11.0.0.0")) is None
    assert refusal(IPv4Address("9.255.255.255")) is None
    assert refusal(IPv6Address("::2")) == "a reserved address"


@pytest.mark.parametrize("address", [a for a, _ in REFUSED])
def test_allow_all_allows_everything(address: str) -> None:
    assert allow_all(ip_address(address)) is None


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),  # the resolver reads numbers and short forms as IPv4
        ("0x7f000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("::1", "::1"),
        ("::ffff:127.0.0.1", "::ffff:7f00:1"),
    ],
)
def test_resolve_literal_forms(host: str, expected: str) -> None:
    assert resolve(host, 80) == [ip_address(expected)]


def test_resolve_a_name() -> None:
    addresses = resolve("localhost", 80)
    assert addresses and all(ip.is_loopback for ip in addresses)


def test_a_name_that_does_not_resolve_is_a_connect_error() -> None:
    with pytest.raises(httpcore.ConnectError, match=r"cannot resolve 'no-such-host\.invalid'"):
        resolve("no-such-host.invalid", 80)


@pytest.fixture
def listener() -> Iterator[int]:
    """A TCP socket on 127.0.0.1 that accepts one connection; yields its port."""
    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(server.accept()[0]), daemon=True)
    thread.start()
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()
        for conn in accepted:
            conn.close()


def test_backend_refuses_before_connecting(listener: int) -> None:
    with pytest.raises(AddressRefusedError, match=r"^refused: localhost resolves to .*loopback"):
        GuardedBackend(refusal).connect_tcp("localhost", listener, timeout=1.0)


def test_backend_connects_to_an_allowed_address(listener: int) -> None:
    stream = GuardedBackend(allow_all).connect_tcp("localhost", listener, timeout=1.0)
    try:
        sock = stream.get_extra_info("socket")
        assert sock.getpeername()[:2] == ("127.0.0.1", listener)
    finally:
        stream.close()


def test_a_plain_httpx_client_with_the_transport_is_guarded_too() -> None:
    with (
        httpx.Client(transport=guarded_transport(refusal)) as client,
        pytest.raises(AddressRefusedError, match=r"^refused: 127\.0\.0\.1 is a loopback address"),
    ):
        client.get("http://127.0.0.1:9/")
