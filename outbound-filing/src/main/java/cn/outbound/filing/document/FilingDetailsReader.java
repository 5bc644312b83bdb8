package cn.outbound.filing.document;

import java.util.ArrayList;
import java.util.List;

import cn.outbound.rules.source.Fields;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Message;
import cn.outbound.rules.source.Node;
import cn.outbound.rules.source.NodeReader;
import cn.outbound.rules.source.Problems;

/**
 * Reads and validates a details file ({@value FilingDetails#FORMAT}, docs/filing-documents.md) with the scenario
 * reader's machinery ({@link NodeReader}, {@link Fields}): every problem with its JSON pointer, line and column and
 * what is allowed, in Chinese and English; nothing is returned from invalid input.
 */
public final class FilingDetailsReader {

	/** The largest details file read, in bytes. */
	public static final int MAX_BYTES = 1 << 20;

	/** A name, an address, a title, a contact: the longest, in characters. */
	public static final int MAX_TEXT = 500;

	/** The 申报表's scenario description: at most 100 characters (filing guide, annex 3). */
	public static final int MAX_SCENARIO_DESCRIPTION = 100;

	/** A data-item row's description, necessity, example or remark; the compliance statement. */
	public static final int MAX_LONG_TEXT = 2_000;

	/** The most recipients, sectors and data-item rows. */
	public static final int MAX_ENTRIES = 100;

	public static final long MAX_COUNT = 1_000_000_000_000L;

	private static final List<String> TOP = List.of("format", "processor", "legalRepresentative", "securityLead",
			"agent", "recipients", "exportMethod", "sectors", "scenarioDescription", "expectedPersonsNext3Years",
			"importantData", "dataItems", "compliance");

	private static final List<String> PROCESSOR = List.of("name", "nature", "ownership", "registeredAddress",
			"officeAddress", "employees", "creditCode", "personalInformationScale");

	private static final List<String> PERSON = List.of("name", "title", "nationality", "phone", "email", "idType");

	private static final List<String> RECIPIENT = List.of("name", "country", "address", "business", "contact",
			"contactDetails");

	private static final List<String> ROW = List.of("name", "description", "necessity", "example", "remark");

	/** Keys that would carry an identity number: refused with their own message. */
	private static final List<String> IDENTITY = List.of("idNumber", "identityNumber", "passportNumber");

	private FilingDetailsReader() {
	}

	/**
	 * @param source the name cited in problems (a file name)
	 * @throws InvalidInputException listing every problem
	 */
	public static FilingDetails read(byte[] content, String source) {
		if (content.length > MAX_BYTES) {
			Problems problems = new Problems();
			problems.add("", new cn.outbound.rules.source.SourceLocation(source, 0, 0), "too-long", "field", source,
					"max", MAX_BYTES);
			problems.throwIfAny();
		}
		return read(NodeReader.readJson(content, source));
	}

	public static FilingDetails read(Node rootNode) {
		Problems problems = new Problems();
		Fields f = new Fields(problems);
		Node.Obj root = f.object(rootNode, Fields.subject("subject.filing-details"));
		if (root == null) {
			problems.throwIfAny();
		}
		f.onlyKeys(root, TOP, Fields.subject("subject.filing-details"));
		String format = f.string(root, "format", true);
		if (format != null && !FilingDetails.FORMAT.equals(format)) {
			f.problem(root.get("format"), "unknown-value", "what", Fields.field("format"), "value", format, "allowed",
					List.of(FilingDetails.FORMAT), "hint", Message.NONE);
		}
		FilingDetails.Processor processor = processor(f, root);
		FilingDetails.Person legal = person(f, root, "legalRepresentative", false);
		FilingDetails.Person lead = person(f, root, "securityLead", true);
		FilingDetails.Person agent = person(f, root, "agent", false);
		List<FilingDetails.Recipient> recipients = new ArrayList<>();
		for (Node.Obj r : objects(f, root, "recipients", "subject.recipient")) {
			f.onlyKeys(r, RECIPIENT, Fields.subject("subject.recipient"));
			recipients.add(new FilingDetails.Recipient(text(f, r, "name", MAX_TEXT), text(f, r, "country", MAX_TEXT),
					text(f, r, "address", MAX_TEXT), text(f, r, "business", MAX_TEXT), text(f, r, "contact", MAX_TEXT),
					text(f, r, "contactDetails", MAX_TEXT)));
		}
		FilingDetails.ExportMethod method = f.enumeration(root, "exportMethod", false, FilingDetails.ExportMethod.class);
		List<String> sectors = new ArrayList<>();
		List<Node> sectorNodes = bounded(f, root, "sectors");
		for (Node s : sectorNodes) {
			String v = f.string(s, Fields.field("sectors"));
			if (v != null) {
				sectors.add(bounded(f, s, "sectors", v, MAX_TEXT));
			}
		}
		String description = text(f, root, "scenarioDescription", MAX_SCENARIO_DESCRIPTION);
		Long expected = f.whole(root, "expectedPersonsNext3Years", false, 0, MAX_COUNT);
		FilingDetails.ImportantData important = null;
		Node.Obj imp = f.object(root, "importantData", false);
		if (imp != null) {
			f.onlyKeys(imp, List.of("identifiedBy", "volume"), Fields.field("importantData"));
			important = new FilingDetails.ImportantData(text(f, imp, "identifiedBy", MAX_TEXT),
					text(f, imp, "volume", MAX_TEXT));
		}
		List<FilingDetails.DataItemRow> rows = new ArrayList<>();
		for (Node.Obj r : objects(f, root, "dataItems", "subject.data-item-row")) {
			f.onlyKeys(r, ROW, Fields.subject("subject.data-item-row"));
			String name = f.string(r, "name", true);
			if (name != null) {
				name = bounded(f, r.get("name"), "name", name, MAX_TEXT);
			}
			rows.add(new FilingDetails.DataItemRow(name, text(f, r, "description", MAX_LONG_TEXT),
					text(f, r, "necessity", MAX_LONG_TEXT), text(f, r, "example", MAX_LONG_TEXT),
					text(f, r, "remark", MAX_LONG_TEXT)));
		}
		String compliance = text(f, root, "compliance", MAX_LONG_TEXT);
		problems.throwIfAny();
		return new FilingDetails(processor, legal, lead, agent, recipients, method, sectors, description, expected,
				important, rows, compliance);
	}

	private static FilingDetails.Processor processor(Fields f, Node.Obj root) {
		Node.Obj obj = f.object(root, "processor", false);
		if (obj == null) {
			return FilingDetails.Processor.NONE;
		}
		f.onlyKeys(obj, PROCESSOR, Fields.field("processor"));
		String code = text(f, obj, "creditCode", MAX_TEXT);
		if (code != null && obj.get("creditCode") != null) {
			Node at = obj.get("creditCode");
			if (!CreditCodes.wellFormed(code)) {
				f.problem(at, "bad-credit-code", "field", "processor.creditCode");
				code = null;
			}
			else if (!CreditCodes.checks(code)) {
				f.problem(at, "bad-credit-code-check", "field", "processor.creditCode");
				code = null;
			}
		}
		return new FilingDetails.Processor(text(f, obj, "name", MAX_TEXT),
				f.enumeration(obj, "nature", false, FilingDetails.Nature.class),
				f.enumeration(obj, "ownership", false, FilingDetails.Ownership.class),
				text(f, obj, "registeredAddress", MAX_TEXT), text(f, obj, "officeAddress", MAX_TEXT),
				f.whole(obj, "employees", false, 0, 100_000_000), code,
				f.whole(obj, "personalInformationScale", false, 0, MAX_COUNT));
	}

	private static FilingDetails.Person person(Fields f, Node.Obj root, String key, boolean withDepartment) {
		Node.Obj obj = f.object(root, key, false);
		if (obj == null) {
			return FilingDetails.Person.NONE;
		}
		List<String> allowed = new ArrayList<>(PERSON);
		if (withDepartment) {
			allowed.add("department");
		}
		for (String id : IDENTITY) {
			Node.Member m = obj.members().get(id);
			if (m != null) {
				f.problems().add(obj.pointer() + "/" + id, m.keyLocation(), "identity-number-not-taken", "field",
						key + "." + id);
			}
		}
		Node.Obj rest = new Node.Obj(obj.pointer(), obj.location(), new java.util.LinkedHashMap<>(obj.members()));
		IDENTITY.forEach(rest.members()::remove);
		f.onlyKeys(rest, allowed, Fields.field(key));
		return new FilingDetails.Person(text(f, obj, "name", MAX_TEXT), text(f, obj, "title", MAX_TEXT),
				text(f, obj, "nationality", MAX_TEXT), text(f, obj, "phone", MAX_TEXT), text(f, obj, "email", MAX_TEXT),
				text(f, obj, "idType", MAX_TEXT), withDepartment ? text(f, obj, "department", MAX_TEXT) : null);
	}

	private static List<Node.Obj> objects(Fields f, Node.Obj root, String key, String subject) {
		List<Node.Obj> out = new ArrayList<>();
		for (Node n : bounded(f, root, key)) {
			Node.Obj o = f.object(n, Fields.subject(subject));
			if (o != null) {
				out.add(o);
			}
		}
		return out;
	}

	private static List<Node> bounded(Fields f, Node.Obj root, String key) {
		List<Node> list = f.array(root, key, false);
		if (list == null) {
			return List.of();
		}
		if (list.size() > MAX_ENTRIES) {
			f.problem(root.get(key), "too-many", "field", key, "max", MAX_ENTRIES, "actual", list.size());
			return list.subList(0, MAX_ENTRIES);
		}
		return list;
	}

	private static String text(Fields f, Node.Obj obj, String key, int max) {
		String v = f.string(obj, key, false);
		return (v == null) ? null : bounded(f, obj.get(key), key, v, max);
	}

	private static String bounded(Fields f, Node at, String key, String v, int max) {
		if (v.codePointCount(0, v.length()) > max) {
			f.problem(at, "too-long", "field", Message.of("subject.field", "name", key), "max", max);
			return null;
		}
		String stripped = v.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
