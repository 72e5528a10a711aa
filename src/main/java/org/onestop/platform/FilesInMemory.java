package org.onestop.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Static files held as bytes once read (issue 18): the resource chain keeps what its
 * transformers answer, so a script is no longer opened and inflated from the jar on every
 * request. The files are fixed in the jar and few (the application's own and the pinned
 * WebJars that pages link), so keeping them is bounded by the release.
 */
class FilesInMemory implements ResourceTransformer {

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource transformed = chain.transform(request, resource);
		if (transformed instanceof TransformedResource) {
			return transformed;
		}
		byte[] bytes = transformed.getContentAsByteArray();
		// A hashed URL's file carries its ETag (the digest): kept with the bytes.
		return transformed instanceof HttpResource http
				? new KeptWithHeaders(transformed, bytes, http.getResponseHeaders())
				: new TransformedResource(transformed, bytes);
	}

	private static final class KeptWithHeaders extends TransformedResource implements HttpResource {

		private final HttpHeaders headers;

		KeptWithHeaders(Resource original, byte[] bytes, HttpHeaders headers) {
			super(original, bytes);
			this.headers = headers;
		}

		@Override
		public HttpHeaders getResponseHeaders() {
			return headers;
		}

	}

}
