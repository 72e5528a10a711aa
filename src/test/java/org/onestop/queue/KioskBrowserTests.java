package org.onestop.queue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.onestop.Browser;
import org.onestop.BrowserTest;
import org.onestop.platform.PlatformProperties;
import org.openqa.selenium.OutputType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk as a hall's touch screen: set up by a clerk who is then signed out, huge
 * targets, no portal header, a ticket slip with a QR code that leads to the ticket's live
 * page, and back to the start when left alone.
 */
class KioskBrowserTests extends BrowserTest {

	static final String HALL = "HALL-CITY";

	static final String START = "/halls/" + HALL + "/kiosk?lang=zh-CN";

	@Autowired
	JdbcClient db;

	@Autowired
	PlatformProperties platform;

	@Override
	protected Browser startBrowser() {
		return Browser.startWithAxe();
	}

	@Test
	void registeringSignsTheClerkOutAndTheTicketLeadsToItsPage() throws Exception {
		browser.viewport(1280, 1024);
		register();
		assertThat(browser.text("[data-testid=kiosk-registered]")).contains("已自动退出登录");
		assertThat(browser.findAll("header, footer, .govuk-header, .onestop-toolbar, [data-testid=sign-out]"))
			.isEmpty();
		assertThat(smallestTarget()).as("height of the smallest button or link, px").isGreaterThanOrEqualTo(88);
		browser.assertAccessible();

		browser.click("[data-testid=group-A]");
		assertThat(browser.path()).startsWith("/halls/" + HALL + "/kiosk?ticket=");
		String id = browser.path().substring(browser.path().indexOf("ticket=") + "ticket=".length());
		String number = db.sql("SELECT number FROM queue_ticket WHERE id = :id::uuid")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(browser.text("[data-testid=ticket-number]")).isEqualTo(number);
		assertThat(browser.text("[data-testid=ticket-group]")).isEqualTo("户籍和身份证");
		assertThat(browser.text("[data-testid=ahead]")).matches("前面还有 \\d+ 人|下一位就是您");
		assertThat(printPageSize()).contains("80mm");
		assertThat(decodeQr("[data-testid=ticket-qr] svg"))
			.isEqualTo(platform.publicUrl().toString().replaceAll("/+$", "") + "/tickets/" + id);
		// Without JavaScript the slip refreshes to the start; with it, the idle timer
		// does.
		assertThat(browser.script("return document.querySelector('head noscript').textContent")).asString()
			.contains("http-equiv=\"refresh\" content=\"60;url=" + START + "\"");
		assertThat(smallestTarget()).isGreaterThanOrEqualTo(88);
		browser.assertAccessible();

		// The clerk who set the kiosk up is no longer signed in on it.
		browser.open("/staff");
		assertThat(browser.path()).startsWith("/sign-in");

		browser.open("/halls/" + HALL + "/kiosk?ticket=" + id);
		browser.click("[data-testid=done]");
		assertThat(browser.path()).isEqualTo(START);
		assertThat(browser.findAll("[data-testid=group-A]")).hasSize(1);
	}

	@Test
	void leftAloneTheKioskGoesBackToTheStartInChinese() throws Exception {
		browser.viewport(1280, 1024);
		register();
		browser.click("[data-testid=kiosk-language]");
		assertThat(browser.lang()).isEqualTo("en");
		browser.click("[data-testid=have-appointment]");
		browser.type("#bookingCode", "Q1234");
		assertThat(browser.text("h1")).isEqualTo("Check in for your appointment");
		browser.assertAccessible();
		// A minute in production; the test shortens it on this page.
		browser.script("document.querySelector('[data-kiosk-reset]').dataset.kioskIdleSeconds = '2'");
		waitFor(() -> browser.path().equals(START), Duration.ofSeconds(10));
		assertThat(browser.lang()).isEqualTo("zh-CN");
		assertThat(browser.findAll("[data-testid=groups]")).hasSize(1);

		// At the start, in Chinese and with nothing typed, there is nothing to clear.
		browser.script(
				"window.stillHere = true; document.querySelector('[data-kiosk-reset]').dataset.kioskIdleSeconds = '1'");
		Thread.sleep(2500);
		assertThat(browser.script("return window.stillHere === true")).isEqualTo(true);
	}

	@Test
	void theTicketPageIsCleanOnAPhone() throws Exception {
		browser.viewport(390, 844);
		register();
		browser.click("[data-testid=group-B]");
		String id = browser.path().substring(browser.path().indexOf("ticket=") + "ticket=".length());
		browser.open("/tickets/" + id);
		assertThat(browser.findAll("header, footer, .govuk-header, .onestop-toolbar")).isEmpty();
		assertThat(browser.text("[data-testid=ticket-hall]")).isEqualTo("市政务服务中心");
		assertThat(browser.text("[data-testid=ticket-address]")).contains("北京市丰台区西三环南路1号");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("等候中");
		assertThat(browser.text("[data-testid=position]")).matches("前面还有 \\d+ 人|下一位就是您");
		assertThat(browser.text("main")).contains("社保和医保").doesNotContain("HALL-CITY");
		assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue())
			.isLessThanOrEqualTo(390);
		browser.assertAccessible();

		browser.open("/tickets/" + id + "?lang=en");
		assertThat(browser.text("[data-testid=status]")).isEqualTo("Waiting");
		assertThat(browser.text("[data-testid=ticket-hall]")).isEqualTo("City Government Service Center");
		browser.assertAccessible();
	}

	/** A clerk of the hall registers this browser as its kiosk. */
	private void register() {
		browser.signIn("clerk.ps", "demo12345");
		browser.open("/halls/" + HALL + "/kiosk");
		browser.click("[data-testid=register-kiosk]");
		assertThat(browser.path()).isEqualTo("/halls/" + HALL + "/kiosk?registered=true");
	}

	private int smallestTarget() {
		return ((Number) browser.script("""
				return Math.min(...Array.from(document.querySelectorAll('main button:not([hidden]), main a'))
				  .filter(e => e.offsetParent !== null && !e.closest('.govuk-error-summary'))
				  .map(e => e.getBoundingClientRect().height))""")).intValue();
	}

	@SuppressWarnings("unchecked")
	private String printPageSize() {
		List<String> sizes = (List<String>) browser.script("""
				return Array.from(document.styleSheets).flatMap(s => Array.from(s.cssRules))
				  .filter(r => r instanceof CSSMediaRule && r.media.mediaText.includes('print'))
				  .flatMap(r => Array.from(r.cssRules))
				  .filter(r => r instanceof CSSPageRule)
				  .map(r => r.cssText)""");
		return String.join(",", sizes);
	}

	/** The QR code as drawn on the screen, read back as a phone's camera would. */
	private String decodeQr(String css) throws Exception {
		BufferedImage shot = ImageIO
			.read(new ByteArrayInputStream(browser.find(css).getScreenshotAs(OutputType.BYTES)));
		int[] pixels = shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), null, 0, shot.getWidth());
		var bitmap = new BinaryBitmap(
				new HybridBinarizer(new RGBLuminanceSource(shot.getWidth(), shot.getHeight(), pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(condition.getAsBoolean()).as("in time").isTrue();
	}

}
