package org.onestop.application.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.platform.ProblemException;
import org.onestop.platform.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.onestop.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Each citizen's vault has a quota (200 documents, 500 MB by default) that two uploads at
 * once cannot both slip past, and document names hold no characters that hide or reverse
 * text.
 */
@IntegrationTest
class VaultQuotaIntegrationTests {

	private static final String CITIZEN = "wang.fang";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient db;

	@Autowired
	DocumentVault vault;

	@Autowired
	VaultFiles files;

	@AfterEach
	void recount() {
		db.sql("""
				UPDATE application_vault_usage u SET documents = d.documents, bytes = d.bytes
				FROM (SELECT count(*) AS documents, coalesce(sum(size_bytes), 0) AS bytes FROM application_document
				      WHERE owner = :o) d
				WHERE u.owner = :o""").param("o", CITIZEN).update();
	}

	@Test
	void aFullVaultRefusesTheNextDocumentInTheCallersLanguage() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, CITIZEN);
		used(199, 0);
		mvc.perform(upload(token, "第二百份", pdf())).andExpect(status().isCreated());
		int before = documents();
		mvc.perform(upload(token, "第二百零一份", pdf()).header("Accept-Language", "en"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail")
				.value("Your vault keeps at most 200 documents and is full: this file cannot be added"))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		used(0, 500L * 1024 * 1024 - 10);
		mvc.perform(upload(token, "大文件", pdf()))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value("上传这个文件后，您的材料库将超过 500 MB 的容量上限，无法再上传"));
		assertThat(documents()).isEqualTo(before);
	}

	@Test
	void aRefusedUploadLeavesNoFileBehind() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, CITIZEN);
		used(200, 0);
		byte[] bytes = pdf();
		Path file = files.path(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		List<Path> before = partFiles(file);
		mvc.perform(upload(token, "满了还传", bytes)).andExpect(status().isPayloadTooLarge());
		files.settle();
		assertThat(file).doesNotExist();
		assertThat(partFiles(file)).isEqualTo(before);
	}

	@Test
	void twoUploadsAtOnceCannotBothTakeTheLastPlace() throws Exception {
		used(195, 0);
		int before = documents();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Callable<Boolean>> uploads = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				byte[] bytes = pdf();
				uploads.add(() -> {
					start.await();
					try {
						vault.upload(CITIZEN, "并发上传", new ByteArrayInputStream(bytes));
						return true;
					}
					catch (ProblemException full) {
						assertThat(full.detailKey()).isEqualTo("application.vault.quota.documents");
						return false;
					}
				});
			}
			List<Future<Boolean>> results = new ArrayList<>();
			uploads.forEach(u -> results.add(pool.submit(u)));
			start.countDown();
			int stored = 0;
			for (Future<Boolean> r : results) {
				stored += r.get() ? 1 : 0;
			}
			assertThat(stored).isEqualTo(5);
		}
		finally {
			pool.shutdown();
		}
		assertThat(documents()).isEqualTo(before + 5);
	}

	@Test
	void namesThatHideOrReverseTextAreRefused() throws Exception {
		String token = "Bearer " + Tokens.of(mvc, CITIZEN);
		// Bidi embedding, override and isolate controls are refused by platform's
		// control-character rule before the
		// vault sees them; the vault's own rule catches the other invisible and direction
		// marks.
		for (String name : List.of("invoice\u202Efdp.exe", "身份证\u2067复印件")) {
			mvc.perform(upload(token, name, pdf()).header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("title")));
		}
		for (String name : List.of("户口\u200B本", "a\u200Fb", "a\uFEFFb")) {
			mvc.perform(upload(token, name, pdf()).header("Accept-Language", "en"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("title"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("direction-changing characters")));
		}
		mvc.perform(upload(token, "Zhang's ID card – 身份证（复印件）", pdf())).andExpect(status().isCreated());
	}

	@Test
	void thePageSaysWhatIsWrongBesideTheField() throws Exception {
		Cookie session = mvc
			.perform(post("/sign-in").with(csrf()).param("username", CITIZEN).param("password", "demo12345"))
			.andReturn()
			.getResponse()
			.getCookie("ONESTOP_SESSION");
		used(200, 0);
		mvc.perform(apply(session, "出生证明"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"upload-error\"")))
			.andExpect(content().string(containsString("最多保存 200 份材料")));
		used(0, 0);
		// (A bidi override would be stripped from a page's form by platform's rule; a
		// zero-width space is the vault's.)
		mvc.perform(apply(session, "出生\u200B证明"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"uploadTitle-error\"")))
			.andExpect(content().string(containsString("会改变文字方向的字符")));
	}

	private MockMultipartHttpServletRequestBuilder upload(String token, String title, byte[] bytes) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/me/documents")
			.file(new MockMultipartFile("file", "doc.pdf", "application/pdf", bytes));
		request.param("title", title).header("Authorization", token);
		return request;
	}

	private MockMultipartHttpServletRequestBuilder apply(Cookie session, String title) {
		MockMultipartHttpServletRequestBuilder request = multipart("/services/CA-ELD-001/apply")
			.file(new MockMultipartFile("upload", "birth.pdf", "application/pdf", pdf()));
		request.param("draftId", UUID.randomUUID().toString())
			.param("action", "save")
			.param("uploadTitle", title)
			.with(csrf())
			.cookie(session);
		return request;
	}

	/** A distinct small PDF each time. */
	private static byte[] pdf() {
		return ("%PDF-1.7\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
	}

	private void used(int documents, long bytes) {
		db.sql("""
				INSERT INTO application_vault_usage (owner, documents, bytes) VALUES (:o, :d, :b)
				ON CONFLICT (owner) DO UPDATE SET documents = EXCLUDED.documents, bytes = EXCLUDED.bytes""")
			.param("o", CITIZEN)
			.param("d", documents)
			.param("b", bytes)
			.update();
	}

	/**
	 * The temporary files in the vault's folder (the one above the folder of the given
	 * file's).
	 */
	private static List<Path> partFiles(Path file) throws IOException {
		Path root = file.getParent().getParent();
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> all = Files.list(root)) {
			return all.filter(p -> p.getFileName().toString().endsWith(".part")).sorted().toList();
		}
	}

	private int documents() {
		return db.sql("SELECT count(*) FROM application_document WHERE owner = :o")
			.param("o", CITIZEN)
			.query(Integer.class)
			.single();
	}

}
