"""Where journey listens for web browsers, and which Host and Origin headers name it: the
checks every web server of journey's makes before anything else. Standard library alone."""

from __future__ import annotations

import contextlib
import hmac
import ipaddress
import re
import socket
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import quote, urlsplit

LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_BYTES = 32
# What every token journey makes looks like: a link that carries one but not this start's is
# whole, from an earlier start (bookmarked, or from the browser's history).
A_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")


def same_token(given: str, token: str) -> bool:
    """Whether a token given is this start's, compared in constant time."""
    return hmac.compare_digest(given.encode(), token.encode())


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def listens_everywhere(host: str) -> bool:
    """0.0.0.0 or ::, every address this computer has."""
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def own_addresses() -> list[str]:
    """This computer's addresses that other computers may reach it by: first the one it would
    reach a network from, then each interface's (on Linux), then what its name stands for.
    Found with the standard library alone; any that cannot be found are left out."""
    found: list[str] = []
    # Connecting a datagram socket sends nothing: it only picks the address to send from.
    for family, far in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((far, 9))
                found.append(probe.getsockname()[0])
        except OSError:
            pass
    found += _interface_addresses()
    with contextlib.suppress(OSError, UnicodeError):
        found += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None)]
    addresses: list[str] = []
    for address in found:
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:  # an IPv6 address with its zone ("fe80::1%eth0")
            continue
        # A link-local IPv6 address needs its zone, which no link can carry.
        if not (parsed.is_unspecified or (parsed.version == 6 and parsed.is_link_local)):
            addresses.append(str(parsed))
    return list(dict.fromkeys(addresses))


def _interface_addresses() -> list[str]:
    """Each network interface's addresses, where the system tells them (Linux)."""
    found: list[str] = []
    try:
        import fcntl
        import struct

        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            for _, name in socket.if_nameindex():
                try:
                    asked = struct.pack("256s", name.encode()[:15])
                    answer = fcntl.ioctl(probe.fileno(), 0x8915, asked)  # SIOCGIFADDR
                except OSError:  # an interface with no IPv4 address
                    continue
                found.append(socket.inet_ntoa(answer[20:24]))
    except (ImportError, OSError, AttributeError):
        pass
    try:
        with open("/proc/net/if_inet6", encoding="ascii") as table:
            found += [str(ipaddress.IPv6Address(int(line.split()[0], 16))) for line in table]
    except (OSError, ValueError, IndexError):
        pass
    return found


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


@dataclass(frozen=True)
class Address:
    """Where journey listens, and the address people's browsers use for it: the same, unless
    it stands behind the organisation's own web server (`url`)."""

    host: str = LOOPBACK
    port: int = DEFAULT_PORT
    url: str | None = None

    @property
    def netloc(self) -> str:
        return _netloc(self.host, self.port)

    @cached_property
    def _own(self) -> list[str]:
        """Listening on every address: this computer's own addresses, found once."""
        return own_addresses() if listens_everywhere(self.host) else []

    @property
    def base(self) -> str:
        if self.url:
            return self.url.rstrip("/")
        # 0.0.0.0 is no address to open: the link names this computer's own.
        reachable = [a for a in self._own if not ipaddress.ip_address(a).is_loopback]
        if reachable:
            return f"http://{_netloc(reachable[0], self.port)}"
        return f"http://{self.netloc}"

    def hosts(self) -> set[str]:
        """What a request's Host header may say. Anything else is a web site that points its
        own name at this address (DNS rebinding), or a mistake. Listening on every address,
        journey answers to this computer's name and to each of its own addresses."""
        hosts = {self.netloc}
        if is_loopback(self.host) or listens_everywhere(self.host):
            hosts |= {f"localhost:{self.port}", f"{LOOPBACK}:{self.port}"}
        if listens_everywhere(self.host):
            hosts |= {_netloc(a, self.port) for a in [*self._own, "::1"]}
            hosts.add(f"{socket.gethostname()}:{self.port}")
        if self.url:
            parts = urlsplit(self.url)
            hosts.add(parts.netloc)
            if parts.port is None:  # the browser leaves out the scheme's own port
                default = 443 if parts.scheme == "https" else 80
                hosts.add(f"{parts.hostname}:{default}")
        return {h.lower() for h in hosts}

    def origins(self) -> set[str]:
        """The pages that may talk to journey: its own, however its address is written."""
        origins = {f"http://{h}" for h in self.hosts()}
        if self.url:
            parts = urlsplit(self.url)
            origins.add(f"{parts.scheme}://{parts.netloc}".lower())
        return origins


def content_disposition(disposition: str, file_name: str) -> str:
    """The header that names a file, for any name: plain letters for old browsers, and the
    whole name (RFC 6266) for the rest. textual-serve writes the name unquoted."""
    plain = re.sub(r"[^A-Za-z0-9._-]+", "_", file_name).strip("_") or "journey"
    return f"{disposition}; filename=\"{plain}\"; filename*=UTF-8''{quote(file_name)}"
