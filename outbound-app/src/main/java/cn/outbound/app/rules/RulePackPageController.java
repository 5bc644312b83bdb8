package cn.outbound.app.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import cn.outbound.app.rules.PackViews.Check;
import cn.outbound.app.rules.PackViews.EditionRow;
import cn.outbound.app.system.OutboundSettings;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Multipart;
import cn.outbound.app.web.ShortTermStore;
import cn.outbound.app.web.Uploads;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/packs} (ADMIN): the rule-pack editions loaded, in force and published (who, when, hash); upload a
 * new edition's YAML, read its problems or what it changes against the edition in force, then publish it (the same
 * checks, storage and audit as {@code POST /api/v1/rule-packs}); withdraw a published edition.
 */
@Controller
class RulePackPageController {

	private final RuleBooks books;

	private final PublishedEditions published;

	private final OutboundSettings settings;

	/**
	 * Uploads checked and waiting for the administrator's confirmation (or showing their problems). The database
	 * keeps the upload itself (name and YAML), or the problem of an upload that could not be read; the check is made
	 * again when it is read back, on whichever instance (#13).
	 */
	private final ShortTermStore<Kept> checks;

	private final EditionChecks editionChecks;

	RulePackPageController(RuleBooks books, PublishedEditions published, OutboundSettings settings,
			DataSource dataSource, EditionChecks editionChecks) {
		this.books = books;
		this.published = published;
		this.settings = settings;
		this.editionChecks = editionChecks;
		this.checks = new ShortTermStore<>(dataSource, "pack-checks", 20, Duration.ofMinutes(30), KEPT);
	}

	/** An upload as kept between requests: its name and YAML, or why it could not be read (a message and its args). */
	record Kept(String fileName, byte[] yaml, String problemKey, List<String> problemArgs) {

		static Kept upload(String fileName, byte[] yaml) {
			return new Kept(fileName, yaml, null, List.of());
		}

	}

	static final ShortTermStore.Codec<Kept> KEPT = new ShortTermStore.Codec<>() {

		@Override
		public byte[] write(Kept kept) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (DataOutputStream out = new DataOutputStream(bytes)) {
				out.writeBoolean(kept.yaml() != null);
				if (kept.yaml() != null) {
					out.writeUTF((kept.fileName() != null) ? kept.fileName() : "");
					out.writeInt(kept.yaml().length);
					out.write(kept.yaml());
				}
				else {
					out.writeUTF(kept.problemKey());
					out.writeInt(kept.problemArgs().size());
					for (String arg : kept.problemArgs()) {
						out.writeUTF(arg);
					}
				}
			}
			return bytes.toByteArray();
		}

		@Override
		public Kept read(byte[] bytes) throws IOException {
			try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
				if (in.readBoolean()) {
					String name = in.readUTF();
					return Kept.upload(name.isEmpty() ? "upload.yaml" : name, in.readNBytes(in.readInt()));
				}
				String key = in.readUTF();
				int n = in.readInt();
				List<String> args = new ArrayList<>(n);
				for (int i = 0; i < n; i++) {
					args.add(in.readUTF());
				}
				return new Kept(null, null, key, args);
			}
		}

	};

	/** The check of a kept upload, made now. */
	private Check check(Kept kept) {
		return (kept.yaml() != null) ? this.editionChecks.check(kept.fileName(), kept.yaml())
				: new Check(null, null, null, null, kept.problemKey(), List.copyOf(kept.problemArgs()), List.of());
	}

	@GetMapping("/admin/packs")
	String page(@RequestParam(required = false) String published, @RequestParam(required = false) String withdrawn,
			Model model) throws SQLException {
		return render(model, null, null, published, withdrawn, null);
	}

	/** The upload (multipart: {@code file}); the CSRF token comes in the query string, see packs.jte. */
	@PostMapping("/admin/packs/check")
	String check(HttpServletRequest request, Authentication admin) throws IOException {
		Kept kept;
		try {
			Upload upload = readUpload(request);
			kept = Kept.upload(upload.fileName(), upload.yaml());
		}
		catch (ApiProblem ex) {
			String key = switch (ex.type()) {
				case "payload-too-large" -> "packs.problem.tooLarge";
				case "request-timeout" -> "packs.problem.timeout";
				case "missing-file" -> "packs.problem.noFile";
				default -> "packs.problem.unreadable";
			};
			kept = new Kept(null, null, key, List.of(Uploads.size(this.settings.maxBodyBytes())));
		}
		return "redirect:/admin/packs/check/" + this.checks.put(admin.getName(), kept);
	}

	@GetMapping("/admin/packs/check/{id}")
	String checked(@PathVariable String id, Authentication admin, Model model, HttpServletResponse response)
			throws SQLException {
		Optional<Check> check = this.checks.get(id, admin.getName()).map(this::check);
		if (check.isEmpty()) {
			response.setStatus(404);
			return render(model, null, null, null, null, "packs.expired");
		}
		if (!check.get().valid()) {
			response.setStatus(422);
		}
		return render(model, check.get(), id, null, null, null);
	}

	@PostMapping("/admin/packs/check/{id}/publish")
	String publish(@PathVariable String id, Authentication admin, HttpServletRequest request, Model model,
			HttpServletResponse response) throws SQLException {
		Optional<Check> found = this.checks.remove(id, admin.getName()).map(this::check);
		if (found.isEmpty() || !found.get().valid()) {
			response.setStatus(404);
			return render(model, null, null, null, null, "packs.expired");
		}
		Check check = found.get();
		RulePack pack;
		try {
			pack = this.published.publish(check.yaml(), check.fileName(), admin.getName(), request.getRemoteAddr());
		}
		catch (ApiProblem ex) {
			// someone published another edition meanwhile: show why, as a fresh check would
			Check again = this.editionChecks.check(check.fileName(), check.yaml());
			response.setStatus(409);
			return render(model, again, this.checks.put(admin.getName(), Kept.upload(check.fileName(), check.yaml())),
					null, null, null);
		}
		return "redirect:/admin/packs?published=" + pack.key();
	}

	@PostMapping("/admin/packs/withdraw")
	String withdraw(@RequestParam String pack, @RequestParam String edition, Authentication admin,
			HttpServletRequest request, Model model, HttpServletResponse response) throws SQLException {
		try {
			this.published.withdraw(pack, edition, admin.getName(), request.getRemoteAddr());
		}
		catch (ApiProblem ex) {
			response.setStatus(ex.status());
			return render(model, null, null, null, null, "packs.withdrawRefused");
		}
		return "redirect:/admin/packs?withdrawn=" + pack + "@" + edition;
	}

	private record Upload(String fileName, byte[] yaml) {
	}

	private Upload readUpload(HttpServletRequest request) throws IOException {
		long max = this.settings.maxBodyBytes();
		String boundary = Multipart.boundary(request.getContentType());
		if (boundary == null) {
			throw new ApiProblem(400, "unreadable-body", "Not a file upload", "Send the form as multipart/form-data.");
		}
		if (request.getContentLengthLong() > max + 64 * 1024) {
			throw new ApiProblem(413, "payload-too-large", "Too large", "The file is too large.");
		}
		InputStream body = Uploads.limited(request.getInputStream(), max + 64 * 1024,
				System.nanoTime() + this.settings.bodyTimeout().toNanos());
		try {
			Multipart parts = new Multipart(body, boundary);
			Upload upload = null;
			for (Multipart.Part part = parts.next(); part != null; part = parts.next()) {
				if (part.name().equals("file") && part.fileName() != null && !part.fileName().isEmpty()) {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					if (Multipart.copy(part.body(), out, max) < 0) {
						throw new ApiProblem(413, "payload-too-large", "Too large", "The file is too large.");
					}
					upload = new Upload(part.fileName(), out.toByteArray());
				}
			}
			if (upload == null || upload.yaml().length == 0) {
				throw new ApiProblem(400, "missing-file", "No file", "Choose a YAML file.");
			}
			return upload;
		}
		catch (Uploads.TooLargeException ex) {
			throw new ApiProblem(413, "payload-too-large", "Too large", "The file is too large.");
		}
		catch (Uploads.TimeoutException ex) {
			throw new ApiProblem(408, "request-timeout", "Too slow", "The upload did not arrive in time.");
		}
		catch (Multipart.MalformedException ex) {
			throw new ApiProblem(400, "unreadable-body", "Unreadable upload", ex.getMessage());
		}
	}

	private String render(Model model, Check check, String checkId, String publishedKey, String withdrawnKey,
			String notice) throws SQLException {
		RuleBook book = this.books.current();
		LocalDate today = LocalDate.now();
		List<PublishedEditions.Stored> stored = this.published.stored();
		List<EditionRow> rows = new ArrayList<>();
		for (RulePack p : book.editions()) {
			PublishedEditions.Stored s = stored.stream()
				.filter(x -> x.packId().equals(p.id()) && x.edition().equals(p.edition()))
				.findFirst()
				.orElse(null);
			RulePack inForce = book.packs().inForce(p.id(), today).orElse(null);
			String status = (inForce == p) ? "inForce" : p.inForceFrom().isAfter(today) ? "scheduled" : "superseded";
			rows.add(new EditionRow(p, status, this.books.shipped(p.id(), p.edition()),
					(s != null) ? s.publishedBy() : null, (s != null) ? s.publishedAt() : null));
		}
		rows.sort(Comparator.comparing((EditionRow r) -> r.pack().id()).thenComparing(r -> r.pack().inForceFrom()));
		model.addAttribute("rows", rows);
		model.addAttribute("check", check);
		model.addAttribute("checkId", checkId);
		model.addAttribute("published", publishedKey);
		model.addAttribute("withdrawn", withdrawnKey);
		model.addAttribute("notice", notice);
		model.addAttribute("maxSize", Uploads.size(this.settings.maxBodyBytes()));
		return "admin/packs";
	}

}
