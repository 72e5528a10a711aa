package org.onestop.application.form;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's forms (src/main/resources/demo/forms, written by
 * scripts/generate-forms.py): one per demo matter, saved once after the catalog is
 * loaded. Forms that exist already are left alone.
 */
@Component
@Profile("!prod")
@Order(45)
class FormDemoData implements ApplicationRunner {

	private final Forms forms;

	private final JdbcClient db;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	FormDemoData(Forms forms, JdbcClient db, TransactionTemplate transactions, ObjectMapper json) {
		this.forms = forms;
		this.db = db;
		this.transactions = transactions;
		this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/forms/*.json");
		transactions.executeWithoutResult(status -> {
			db.sql("SELECT pg_advisory_xact_lock(hashtext('onestop.demo.forms'))").query().singleRow();
			for (Resource file : files) {
				FormDefinition form = read(file);
				if (forms.current(form.serviceCode()).isEmpty()) {
					forms.save("system", form.serviceCode(), form);
				}
			}
		});
	}

	private FormDefinition read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return json.readValue(in, FormDefinition.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Demo form " + file.getFilename() + " does not parse", ex);
		}
	}

}
