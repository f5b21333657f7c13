"""Security headers on every response, and limits on what a request may carry."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import send_problem

# Scripts, styles and workers only from the service itself. ReDoc styles its page inline and
# runs its search in a blob: worker, so those two are allowed; nothing else is.
CONTENT_SECURITY_POLICY = (
    b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    b"img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; "
    b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    b"form-action 'self'"
)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
MAX_URL_BYTES = 8192
MAX_HEADER_BYTES = 16384


class SecurityMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"server"]
                headers += HEADERS
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY))
                message = {**message, "headers": headers}
            await send(message)

        url_bytes = len(scope.get("raw_path", b"")) + len(scope.get("query_string", b""))
        if url_bytes > MAX_URL_BYTES:
            await send_problem(
                with_headers, 414, f"The URL is longer than {MAX_URL_BYTES} bytes.", scope["path"]
            )
            return
        header_bytes = sum(len(k) + len(v) for k, v in scope.get("headers", []))
        if header_bytes > MAX_HEADER_BYTES:
            await send_problem(
                with_headers,
                431,
                f"The request headers are longer than {MAX_HEADER_BYTES} bytes.",
                scope["path"],
            )
            return
        await self.app(scope, receive, with_headers)
