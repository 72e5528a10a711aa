package org.onestop.content;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A few published notices for the demo city, loaded once. */
@Component
@Profile("!prod")
@Order(50)
class ContentDemoData implements ApplicationRunner {

	private final Notices notices;

	private final JdbcClient db;

	private final TransactionTemplate transactions;

	ContentDemoData(Notices notices, JdbcClient db, TransactionTemplate transactions) {
		this.notices = notices;
		this.db = db;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Two nodes starting together: one loads while the other waits for the lock, then
		// finds the notices.
		transactions.executeWithoutResult(status -> {
			db.sql("SELECT pg_advisory_xact_lock(hashtext('onestop.demo.content'))").query().singleRow();
			if (db.sql("SELECT count(*) FROM content_notice").query(Integer.class).single() == 0) {
				load();
			}
		});
	}

	private void load() {
		List<NoticeForm> demo = List.of(
				new NoticeForm("关于居民身份证“跨省通办”的通知", "自 2026 年起，本市居民可在任一政务服务中心换领、补领居民身份证。",
						"<p>为方便群众办事，本市各政务服务中心均可受理居民身份证换领、补领，无需回户籍地。</p>"
								+ "<h2>需要准备什么</h2><ul><li>本人到场采集照片和指纹</li><li>原居民身份证（换领时）</li></ul>"
								+ "<p>户籍信息由公安部门共享，无需提交户口簿。</p>",
						List.of("身份证", "跨省通办", "公安"), "PS", Notice.Status.PUBLISHED),
				new NoticeForm("高龄津贴申请全程网办", "年满 70 周岁的本市户籍老年人，可在网上申请高龄津贴，无需跑腿。",
						"<p>年满 70 周岁的本市户籍居民可在网上申请高龄津贴，民政局工作人员审核。</p>" + "<p>不方便上网的老人，可请家属代办，或到社区服务站由工作人员代为申请。</p>",
						List.of("养老", "高龄津贴", "民政"), "CA", Notice.Status.PUBLISHED),
				new NoticeForm("政务服务中心延长周六服务时间", "市政务服务中心周六上午开放，办理身份证、社保卡等高频事项。",
						"<p>自 12 月起，市政务服务中心每周六 9:00–12:00 开放，可办理居民身份证、社会保障卡等高频事项。</p>", List.of("政务服务中心", "身份证", "社保"),
						"GS", Notice.Status.PUBLISHED),
				new NoticeForm("社会保障卡线上申领指南", "社会保障卡可全程网上申领，制卡后邮寄到家。",
						"<ol><li>登录一网通办</li><li>信息由人口库自动填写，核对即可</li><li>选择邮寄或到网点领取</li></ol>",
						List.of("社保", "社会保障卡", "人社"), "HR", Notice.Status.PUBLISHED));
		demo.forEach(form -> notices.create("system", "政务服务管理局", form));
	}

}
