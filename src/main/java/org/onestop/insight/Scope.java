package org.onestop.insight;

/** What a figure is about: the whole city, or one department, matter or hall. */
public enum Scope {

	CITY, DEPARTMENT, MATTER, HALL

}
