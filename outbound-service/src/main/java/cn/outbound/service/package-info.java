/**
 * The application layer every door calls: the CLI constructs it ({@link cn.outbound.service.Services}), the server
 * wires the same classes as beans. Plain Java, no Spring context (of Spring only the standalone bcrypt of
 * spring-security-crypto); it never knows a door.
 */
package cn.outbound.service;
