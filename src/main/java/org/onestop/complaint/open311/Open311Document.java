package org.onestop.complaint.open311;

import java.util.ArrayList;
import java.util.List;

/**
 * One GeoReport v2 answer, neutral between XML and JSON. The spec names every element of
 * a list in XML ({@code <services><service>…}) where JSON has a bare array, so a list
 * carries both names; a scalar is a string, a number, a boolean or null (an empty element
 * in XML, {@code null} in JSON).
 */
final class Open311Document {

	/** A member of an object: a scalar, a nested object or a list. */
	sealed interface Node permits Value, Group, Items {

		String name();

	}

	record Value(String name, Object value) implements Node {
	}

	record Group(String name, List<Node> members) implements Node {
	}

	/**
	 * A list: {@code items} are either objects ({@code List<Node>}) or scalars.
	 */
	record Items(String name, String itemName, List<?> items) implements Node {
	}

	/** The root: an object ({@link Group}) or, as most answers are, a list. */
	private final Node root;

	private Open311Document(Node root) {
		this.root = root;
	}

	static Open311Document list(String name, String itemName, List<List<Node>> items) {
		return new Open311Document(new Items(name, itemName, items));
	}

	static Open311Document object(String name, List<Node> members) {
		return new Open311Document(new Group(name, members));
	}

	Node root() {
		return root;
	}

	/** Builds the members of one object in the order the spec lists them. */
	static final class Members {

		private final List<Node> nodes = new ArrayList<>();

		Members value(String name, Object value) {
			nodes.add(new Value(name, value));
			return this;
		}

		Members items(String name, String itemName, List<?> items) {
			nodes.add(new Items(name, itemName, items));
			return this;
		}

		List<Node> done() {
			return List.copyOf(nodes);
		}

	}

}
