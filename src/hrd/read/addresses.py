"""Which network addresses the fetcher may connect to, checked where it connects.

A URL given by a user (the web face lets anyone who may ingest give one) must
not make the server reach what only the server can reach: itself (loopback),
the local network (private, link-local: the cloud metadata service at
169.254.169.254), multicast, reserved or unspecified addresses. By default
only public (globally routable) addresses are allowed; the setting
``allow_private_urls`` (``HRD_ALLOW_PRIVATE_URLS=1``) lifts the check for
people who fetch from an intranet.

The check runs in the network backend, where each TCP connection is made:
the host is resolved once with :func:`socket.getaddrinfo`, the connection is
refused if *any* of its addresses is refused, and the socket is then opened to
one of those very addresses, never to a second resolution of the name. So a
name that answers with a public address to a check and a private one to the
connection (DNS rebinding) gains nothing, and every redirect hop, which opens
its own connection, is checked the same way. Literal addresses in any form
the URL parser and the resolver accept (``127.1``, ``2130706433``,
``0x7f.0.0.1``, ``[::ffff:127.0.0.1]``) are judged by the address they resolve
to. TLS still verifies the certificate against the host name of the URL.

Residual risks: proxies from the environment (``HTTPS_PROXY``) are not used,
since a proxy would resolve and connect on its own, out of this check; name
resolution itself (:func:`socket.getaddrinfo`) has no timeout of its own; and
a public host may still redirect to another public host (each hop is checked,
not its owner).
"""

from __future__ import annotations

import socket
import typing
from collections.abc import Callable
from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address, ip_network

import httpcore
import httpx

from ..errors import AddressRefusedError

__all__ = [
    "AddressPolicy",
    "GuardedBackend",
    "IPAddress",
    "allow_all",
    "guarded_transport",
    "refusal",
    "resolve",
]

IPAddress = IPv4Address | IPv6Address
AddressPolicy = Callable[[IPAddress], str | None]
"""Why an address is refused ('a loopback address'), or None if it may be connected to."""

_NAT64 = IPv6Network("64:ff9b::/96")
"""The well-known NAT64 prefix (RFC 6052): its last 32 bits are the IPv4 address reached."""
_SPECIAL = tuple(
    ip_network(net)
    for net in (
        "192.0.0.0/24",  # IETF protocol assignments (Python's tables differ between patch releases)
        "192.88.99.0/24",  # the deprecated 6to4 relay anycast
        "3fff::/20",  # documentation (RFC 9637)
        "5f00::/16",  # SRv6 segment identifiers (RFC 9602)
    )
)
"""Special-purpose networks (IANA) that :mod:`ipaddress` may not flag, whatever the Python version."""
_HINT = "set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts"


def refusal(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public address ('a loopback address'), or None if it is one.

    An IPv6 address that stands for an IPv4 one (IPv4-mapped ``::ffff:a.b.c.d``,
    NAT64 ``64:ff9b::a.b.c.d``, 6to4 ``2002:aabb:ccdd::``) is judged by that
    IPv4 address too.
    """
    if isinstance(ip, IPv6Address):
        if ip.ipv4_mapped is not None:
            return refusal(ip.ipv4_mapped)
        if ip in _NAT64:
            return refusal(IPv4Address(int(ip) & 0xFFFFFFFF))
        if ip.sixtofour is not None and (why := refusal(ip.sixtofour)) is not None:
            return why
        if ip.is_site_local:
            return "a site-local address"
    checks = (
        (ip.is_loopback, "a loopback address"),
        (ip.is_unspecified, "an unspecified address"),
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_reserved, "a reserved address"),
        (ip.is_private, "a private address"),
        (any(ip in net for net in _SPECIAL), "a reserved address"),
        (not ip.is_global, "a non-public address"),
    )
    return next((why for refused, why in checks if refused), None)


def allow_all(ip: IPAddress) -> str | None:
    """The policy with ``allow_private_urls``: every address may be connected to."""
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    """The addresses of ``host`` (a name or a literal address), in the resolver's order.

    A name that cannot be resolved is an :class:`httpcore.ConnectError` (reported
    as a failed connection).
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as exc:  # socket.gaierror; UnicodeError, a NUL in the name
        raise httpcore.ConnectError(f"cannot resolve {host!r} ({exc})") from None
    found: list[IPAddress] = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        ip = ip_address(str(sockaddr[0]))
        if ip not in found:
            found.append(ip)
    if not found:
        raise httpcore.ConnectError(f"cannot resolve {host!r} (no IPv4 or IPv6 address)")
    return found


def _refuse(host: str, ip: IPAddress, why: str) -> AddressRefusedError:
    bare = host.strip("[]")
    try:
        literal = ip_address(bare) == ip
    except ValueError:
        literal = False
    where = f"{bare} is {why}" if literal else f"{bare} resolves to {ip}, {why}"
    return AddressRefusedError(f"refused: {where}; {_HINT}")


class GuardedBackend(httpcore.SyncBackend):
    """A network backend that connects only to addresses ``policy`` allows.

    The host is resolved here, every address is judged, and the socket is opened
    to a judged address (tried in the resolver's order), so no second lookup can
    swap in another one.
    """

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        for ip in addresses:
            why = self.policy(ip)
            if why is not None:
                raise _refuse(host, ip, why)
        failure: Exception = httpcore.ConnectError(f"cannot connect to {host!r}")
        for ip in addresses:  # in order, as socket.create_connection would, but only to these
            try:
                return super().connect_tcp(str(ip), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        raise failure


def guarded_transport(policy: AddressPolicy) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through :class:`GuardedBackend`.

    Certificates are verified as httpx does by default (``SSL_CERT_FILE`` and
    ``SSL_CERT_DIR`` are honoured); no proxy is used.
    """
    ssl_context = httpx.create_ssl_context()
    transport = httpx.HTTPTransport(verify=ssl_context)
    # httpx gives no way to pass a network backend to its connection pool: swap in a pool that has it.
    # (The tests that refuse loopback addresses fail if this ever stops taking effect.)
    transport._pool = httpcore.ConnectionPool(ssl_context=ssl_context, network_backend=GuardedBackend(policy))
    return transport
