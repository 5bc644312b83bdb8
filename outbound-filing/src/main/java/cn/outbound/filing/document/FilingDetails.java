package cn.outbound.filing.document;

import java.util.List;

/**
 * What only the company knows about a filing, read from a details file ({@value #FORMAT}, docs/filing-documents.md)
 * by {@link FilingDetailsReader}. Every field may be absent ({@code null}, or an empty list): the drafts then print a
 * {@code 【待填写】} marker in its place. Identity numbers are never taken (the documents ask the company to type
 * them in).
 *
 * @param scenarioDescription the 申报表's short description of the export scenario (at most 100 characters)
 * @param expectedPersonsNext3Years persons (de-duplicated) expected to be exported over the next 3 years
 * @param compliance 遵守法律情况: penalties, investigations and rectifications of the last 2 years, or that there
 * were none
 */
public record FilingDetails(Processor processor, Person legalRepresentative, Person securityLead, Person agent,
		List<Recipient> recipients, ExportMethod exportMethod, List<String> sectors, String scenarioDescription,
		Long expectedPersonsNext3Years, ImportantData importantData, List<DataItemRow> dataItems, String compliance) {

	public static final String FORMAT = "outbound/filing-details/v1";

	/** No details: every company-only field is 【待填写】. */
	public static final FilingDetails NONE = new FilingDetails(Processor.NONE, Person.NONE, Person.NONE, Person.NONE,
			List.of(), null, List.of(), null, null, null, List.of(), null);

	public FilingDetails {
		processor = (processor != null) ? processor : Processor.NONE;
		legalRepresentative = (legalRepresentative != null) ? legalRepresentative : Person.NONE;
		securityLead = (securityLead != null) ? securityLead : Person.NONE;
		agent = (agent != null) ? agent : Person.NONE;
		recipients = (recipients != null) ? List.copyOf(recipients) : List.of();
		sectors = (sectors != null) ? List.copyOf(sectors) : List.of();
		dataItems = (dataItems != null) ? List.copyOf(dataItems) : List.of();
	}

	/**
	 * @param name overrides the scenario's processor name when given
	 * @param creditCode 统一社会信用代码 (checked, with its check character)
	 * @param personalInformationScale 处理个人信息规模: natural persons whose PI the processor handles, de-duplicated
	 */
	public record Processor(String name, Nature nature, Ownership ownership, String registeredAddress,
			String officeAddress, Long employees, String creditCode, Long personalInformationScale) {

		public static final Processor NONE = new Processor(null, null, null, null, null, null, null, null);

	}

	/**
	 * A person named on the 申报表 (legal representative, data-security lead, handling agent). No identity number.
	 *
	 * @param idType 证件类型 (e.g. 居民身份证, 护照)
	 * @param department for the data-security lead: the name of the body in charge of data security (管理机构)
	 */
	public record Person(String name, String title, String nationality, String phone, String email, String idType,
			String department) {

		public static final Person NONE = new Person(null, null, null, null, null, null, null);

	}

	/** 境外接收方: 名称, 国家或地区, 地址, 主营业务, 负责人, 联系方式. */
	public record Recipient(String name, String country, String address, String business, String contact,
			String contactDetails) {
	}

	/** Important data in the export: who identified it, and how much. */
	public record ImportantData(String identifiedBy, String volume) {
	}

	/** A row of the 申报表's data-item table: 数据项名称 | 内容描述 | 出境必要性 | 示例 | 备注. */
	public record DataItemRow(String name, String description, String necessity, String example, String remark) {
	}

	/** 单位性质 (the labels are in the mechanisms' document data). */
	public enum Nature {

		GOVERNMENT, PUBLIC_INSTITUTION, ENTERPRISE, SOCIAL_ORGANIZATION, OTHER

	}

	/** 单位类型. */
	public enum Ownership {

		DOMESTIC, FOREIGN, SINO_FOREIGN, HK_MACAO_TAIWAN, OTHER

	}

	/** 数据出境方式. */
	public enum ExportMethod {

		PUBLIC_INTERNET, DEDICATED_LINE, PUBLIC_INTERNET_REMOTE_ACCESS, DEDICATED_LINE_REMOTE_ACCESS

	}

}
