// Starts Swagger UI on the service's own OpenAPI document. Kept out of the page so the
// Content-Security-Policy can forbid inline scripts.
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: document.body.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis],
    // The token given to Authorize survives a reload of the page (kept in localStorage).
    persistAuthorization: true,
  });
});
