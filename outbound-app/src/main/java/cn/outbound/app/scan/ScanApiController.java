package cn.outbound.app.scan;

import java.io.IOException;

import cn.outbound.app.web.Problems;
import cn.outbound.scan.ReportJson;
import cn.outbound.scan.ScanReport;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/scans} (ANALYST): the table to scan as {@code multipart/form-data} ({@code file}) or as the
 * raw body ({@code ?fileName=} or {@code ?format=} tells its format), options in the query or the form; answers the
 * scan report of spec/scan-v1.md. Nothing is stored: the upload is deleted after the scan, the scan is audited.
 */
@RestController
class ScanApiController {

	private final DatasetScans scans;

	ScanApiController(DatasetScans scans) {
		this.scans = scans;
	}

	@PostMapping("/api/v1/scans")
	ResponseEntity<String> scan(HttpServletRequest request, Authentication user) throws IOException {
		ScanReport report;
		try (DatasetScans.Slot slot = this.scans.slot();
				ScanRequests.Parsed parsed = ScanRequests.read(request, this.scans, true)) {
			report = this.scans.scan(parsed.upload(), parsed.settings(), parsed.field(), user.getName(),
					request.getRemoteAddr());
		}
		return ResponseEntity.ok().contentType(Problems.JSON).body(ReportJson.writeCompact(report));
	}

}
