package org.onestop.application.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The vault keeps a citizen's documents, checks what they really are, and shows them to
 * nobody else.
 */
@IntegrationTest
class DocumentVaultIntegrationTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	private String upload(String token, String name, byte[] bytes, String claimedType) throws Exception {
		return mvc
			.perform(multipart("/api/v1/me/documents").file(new MockMultipartFile("file", name, claimedType, bytes))
				.param("title", "银行卡复印件")
				.header("Authorization", token)
				.header("Accept-Language", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aCitizenUploadsOnceAndDownloadsTheSameBytes() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, "li.na");
		String body = upload(token, "card.pdf", PDF, "application/pdf");
		String id = JsonPath.read(body, "$.id");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
		assertThat((String) JsonPath.read(body, "$.sha256")).isEqualTo(sha);
		assertThat((String) JsonPath.read(body, "$.contentType")).isEqualTo("application/pdf");
		mvc.perform(get("/api/v1/me/documents").header("Authorization", token))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].title").value("银行卡复印件"));
		mvc.perform(get("/api/v1/me/documents/" + id).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(content().bytes(PDF));
		assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE subject = :s")
			.param("s", "document:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherCitizenCannotSeeOrFetchIt() throws Exception {
		String id = JsonPath.read(upload("Bearer " + Tokens.of(mvc, "li.na"), "a.pdf", PDF, "application/pdf"), "$.id");
		String other = "Bearer " + Tokens.of(mvc, "zhao.lei");
		mvc.perform(get("/api/v1/me/documents/" + id).header("Authorization", other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/me/documents").header("Authorization", other))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty());
		mvc.perform(get("/api/v1/me/documents").header("Authorization", "Bearer " + Tokens.of(mvc, "clerk.civil")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theTypeIsJudgedByContentNotByName() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, "zhao.lei");
		mvc.perform(multipart("/api/v1/me/documents")
			.file(new MockMultipartFile("file", "looks-like.pdf", "application/pdf",
					"<html><script>x</script>".getBytes()))
			.param("title", "伪装文件")
			.header("Authorization", token)
			.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value("Only PDF, JPEG and PNG files can be kept in the vault"));
		byte[] png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
		String body = upload(token, "photo.txt", png, "text/plain");
		assertThat((String) JsonPath.read(body, "$.contentType")).isEqualTo("image/png");
	}

	@Test
	void tooLargeOrNamelessUploadsAreRefusedAndNothingIsKept() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, "wang.fang");
		int before = db.sql("SELECT count(*) FROM application_document").query(Integer.class).single();
		byte[] big = new byte[11 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		mvc.perform(
				multipart("/api/v1/me/documents").file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
					.param("title", "太大")
					.header("Authorization", token))
			.andExpect(status().is4xxClientError());
		mvc.perform(
				multipart("/api/v1/me/documents").file(new MockMultipartFile("file", "a.pdf", "application/pdf", PDF))
					.header("Authorization", token))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		assertThat(db.sql("SELECT count(*) FROM application_document").query(Integer.class).single()).isEqualTo(before);
	}

}
