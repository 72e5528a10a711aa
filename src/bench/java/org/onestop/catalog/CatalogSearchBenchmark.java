package org.onestop.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.onestop.catalog.MatterDefinition.Channel;
import org.onestop.shared.LocalizedText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.core.io.ClassPathResource;

/**
 * Search latency over a generated catalog of 5,000 matters, in-process (the index each node holds).
 * Sample mode, so JMH reports p50 and p99 per query. Results go into docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CatalogSearchBenchmark {

	private static final String[] ZH_TOPICS = { "居民身份证", "户口", "社会保障卡", "住房公积金", "医疗保险", "营业执照", "食品经营许可",
			"停车证", "残疾人证", "高龄津贴", "出生登记", "婚姻登记", "养老金", "失业保险", "驾驶证", "道路运输", "建筑许可", "卫生许可",
			"疫苗接种", "生育津贴" };

	private static final String[] EN_TOPICS = { "resident ID card", "household registration", "social security card",
			"housing provident fund", "medical insurance", "business licence", "food business permit", "parking permit",
			"disability certificate", "elderly allowance", "birth registration", "marriage registration", "pension",
			"unemployment insurance", "driving licence", "road transport", "building permit", "health permit",
			"vaccination", "maternity allowance" };

	private static final String[] ZH_ACTIONS = { "申领", "换领", "补领", "变更", "注销", "提取", "备案", "年检", "延续", "查询" };

	private static final String[] EN_ACTIONS = { "application", "renewal", "replacement", "change", "cancellation",
			"withdrawal", "filing", "annual check", "extension", "enquiry" };

	@Param({ "身份证", "办身份证", "ID card", "公积金提取", "move household registration", "busines licence", "社保" })
	public String query;

	private CatalogIndex index;

	@Setup(Level.Trial)
	public void build() throws IOException {
		String synonyms = new ClassPathResource("catalog/synonyms.txt").getContentAsString(StandardCharsets.UTF_8);
		index = new CatalogIndex(SearchAnalyzers.synonyms(synonyms));
		Random random = new Random(5000);
		List<MatterDefinition> matters = new ArrayList<>();
		String[] departments = { "PS", "CA", "HR", "MI", "MR", "HU", "TR", "HE" };
		for (int i = 0; i < 5000; i++) {
			int topic = random.nextInt(ZH_TOPICS.length);
			int action = random.nextInt(ZH_ACTIONS.length);
			String zh = ZH_TOPICS[topic] + ZH_ACTIONS[action] + (i >= 200 ? "（第" + i + "号）" : "");
			String en = EN_TOPICS[topic] + " " + EN_ACTIONS[action] + (i >= 200 ? " no. " + i : "");
			matters.add(new MatterDefinition("BM-X-%03d".formatted(i % 1000).replace("X", "T" + (char) ('A' + i / 1000)),
					departments[i % departments.length], "general", new LocalizedText(zh, en),
					new LocalizedText("办理" + zh + "，需要本人身份信息。", "How to apply for " + en + ", with your identity details."),
					List.of(), Channel.ONLINE, null, 0, 5, 20, BigDecimal.ZERO, null,
					new LocalizedText("本市居民", "City residents"), List.of(), List.of(), List.of(), List.of(), null, null));
		}
		index.replaceAll(matters);
	}

	@TearDown(Level.Trial)
	public void close() throws IOException {
		index.close();
	}

	@Benchmark
	public CatalogIndex.Hits search() {
		return index.search(new MatterQuery(query, null, null, null, 0, 20));
	}
}
