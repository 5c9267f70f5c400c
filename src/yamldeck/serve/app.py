"""The web application of `yamldeck serve` (Starlette): the page, its pictures, its live updates.

It serves a fixed set of things and nothing else: the page's three files (read from the package
once, at start), the slide pictures (from memory, by the name of their content) and the stream of
updates (server-sent events, sse-starlette). No route reads a path from the request, so nothing
else on disk can be reached; anything else is 404. Only GET and HEAD are answered (405 otherwise),
and only requests whose Host names this server: a web page that points a name of its own at
127.0.0.1 (DNS rebinding) gets 403.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Callable
from importlib import resources
from typing import Any

from sse_starlette.sse import EventSourceResponse
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .store import Store

PING_S = 15  # keeps the stream open through proxies and lets the page notice a stopped server
_PAGE_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.css": ("app.css", "text/css; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
}
_PICTURE = re.compile(r"[0-9a-f]{32}\.png")
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
     b"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


class Guard:
    """Refuses what the preview never answers: other Hosts (403) and other methods (405)."""

    def __init__(self, app: ASGIApp, answers: Callable[[str], bool]) -> None:
        self.app = app
        self.answers = answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan; websockets have no route and end as 404
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1")
        refusal: Response | None = None
        if not self.answers(host):
            refusal = PlainTextResponse(
                "this preview answers only to its own address\n", status_code=403
            )
        elif scope["method"] not in ("GET", "HEAD"):
            refusal = PlainTextResponse(
                "the preview only shows; it changes nothing\n", status_code=405,
                headers={"Allow": "GET, HEAD"},
            )

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []),
                                                  *SECURITY_HEADERS]}
            await send(message)

        await (refusal or self.app)(scope, receive, secured)


def create_app(store: Store, answers: Callable[[str], bool]) -> ASGIApp:
    """The preview's application; ``answers`` tells the Host headers that name this server."""
    page = {
        path: (resources.files(__package__).joinpath("static", name).read_bytes(), kind)
        for path, (name, kind) in _PAGE_FILES.items()
    }

    async def page_file(request: Request) -> Response:
        body, kind = page[request.url.path]
        return Response(body, media_type=kind, headers={"Cache-Control": "no-store"})

    async def picture(request: Request) -> Response:
        name = request.path_params["name"]
        data = store.picture(name) if _PICTURE.fullmatch(name) else None
        if data is None:
            return PlainTextResponse("Not Found", status_code=404)
        # Named by its pixels: a changed slide gets a new name, so this one never changes.
        return Response(data, media_type="image/png",
                        headers={"Cache-Control": "public, max-age=31536000, immutable"})

    async def events(request: Request) -> Response:
        return EventSourceResponse(_updates(store), ping=PING_S,
                                   headers={"Cache-Control": "no-store"})

    routes = [Route(path, page_file, methods=["GET"]) for path in page]
    routes += [Route("/pictures/{name}", picture, methods=["GET"]),
               Route("/events", events, methods=["GET"])]
    return Guard(Starlette(routes=routes), answers)


async def _updates(store: Store) -> AsyncIterator[dict[str, Any]]:
    """Everything on connecting, then what changed since the last message, after each build."""
    sent = None
    version = -1
    while True:
        preview = await store.newer_than(version)
        version = preview.version
        yield {"event": "preview", "data": json.dumps(preview.message(sent))}
        sent = preview
