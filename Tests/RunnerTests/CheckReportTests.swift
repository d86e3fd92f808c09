import Foundation
import Testing

@testable import Runner

@Suite("Gradebook reports of pilot check")
struct CheckReportTests {
    static let report = CheckReport(books: [
        BookCheck.Report(path: "anna.pilotbook", parameters: [("seed", "17"), ("ratio", "0.8")], cellIDs: ["params", "split"]),
        BookCheck.Report(
            path: "ben, \"the second\".pilotbook", parameters: [("seed", "1")], cellIDs: ["params", "split", "plot"],
            differences: [
                .init(
                    cellID: "split", line: 7, diff: "--- stored output of 'split'\n+++ output of 'split' now\n-a < b & c\n+a\n",
                    wasStale: false)
            ],
            notRun: [.init(cellID: "plot", reason: "the run was interrupted at 'split'")]),
        .notRun(path: "carl.pilotbook", cellIDs: ["params", "sh"], reason: "not trusted"),
        .notRun(path: "dora.pilotbook", cellIDs: [], reason: "it could not be read"),
    ])

    @Test("CSV: one row per workbook, quoted as RFC 4180 asks, CRLF line ends")
    func csv() {
        #expect(
            Self.report.csv == """
                file,verdict,parameters,cells,checked,differing,differing_cells,not_run,not_run_why\r
                anna.pilotbook,ok,"seed=17, ratio=0.8",2,2,0,,0,\r
                "ben, ""the second"".pilotbook",FAILED,seed=1,3,2,1,split,1,the run was interrupted at 'split' (plot)\r
                carl.pilotbook,NOT RUN,,2,0,0,,2,"not trusted (params, sh)"\r
                dora.pilotbook,NOT RUN,,0,0,0,,0,\r

                """)
    }

    @Test("JUnit: a suite per workbook, a case per cell, the diff in the failure, XML escaped, times 0")
    func junit() {
        #expect(
            Self.report.junit(timestamp: "2026-11-30T12:00:00", hostname: "lab") == """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites>
                  <testsuite name="anna.pilotbook" package="pilot-check" id="0" timestamp="2026-11-30T12:00:00" \
                hostname="lab" tests="2" failures="0" errors="0" skipped="0" time="0">
                    <properties>
                      <property name="seed" value="17"/>
                      <property name="ratio" value="0.8"/>
                    </properties>
                    <testcase classname="anna.pilotbook" name="params" time="0"/>
                    <testcase classname="anna.pilotbook" name="split" time="0"/>
                    <system-out/>
                    <system-err/>
                  </testsuite>
                  <testsuite name="ben, &quot;the second&quot;.pilotbook" package="pilot-check" id="1" \
                timestamp="2026-11-30T12:00:00" hostname="lab" tests="3" failures="1" errors="0" skipped="1" time="0">
                    <properties>
                      <property name="seed" value="1"/>
                    </properties>
                    <testcase classname="ben, &quot;the second&quot;.pilotbook" name="params" time="0"/>
                    <testcase classname="ben, &quot;the second&quot;.pilotbook" name="split" time="0">
                      <failure message="the output differs from the stored one" type="difference">--- stored output of 'split'
                +++ output of 'split' now
                -a &lt; b &amp; c
                +a
                </failure>
                    </testcase>
                    <testcase classname="ben, &quot;the second&quot;.pilotbook" name="plot" time="0">
                      <skipped message="the run was interrupted at 'split'"/>
                    </testcase>
                    <system-out/>
                    <system-err/>
                  </testsuite>
                  <testsuite name="carl.pilotbook" package="pilot-check" id="2" timestamp="2026-11-30T12:00:00" \
                hostname="lab" tests="2" failures="0" errors="2" skipped="0" time="0">
                    <properties/>
                    <testcase classname="carl.pilotbook" name="params" time="0">
                      <error message="not trusted" type="not run"/>
                    </testcase>
                    <testcase classname="carl.pilotbook" name="sh" time="0">
                      <error message="not trusted" type="not run"/>
                    </testcase>
                    <system-out/>
                    <system-err/>
                  </testsuite>
                  <testsuite name="dora.pilotbook" package="pilot-check" id="3" timestamp="2026-11-30T12:00:00" \
                hostname="lab" tests="1" failures="0" errors="1" skipped="0" time="0">
                    <properties/>
                    <testcase classname="dora.pilotbook" name="workbook" time="0">
                      <error message="it could not be read" type="not run"/>
                    </testcase>
                    <system-out/>
                    <system-err/>
                  </testsuite>
                </testsuites>

                """)
    }

    @Test("verdict lines name the values used")
    func verdicts() {
        #expect(
            Self.report.books.map(\.verdict) == [
                "ok: anna.pilotbook (seed=17, ratio=0.8): 2 cells match their stored outputs",
                "FAILED: ben, \"the second\".pilotbook (seed=1): 1 of 3 cells differ from the stored outputs, 1 not run",
                "NOT RUN: carl.pilotbook: not trusted",
                "NOT RUN: dora.pilotbook: it could not be read",
            ])
    }
}

@Suite("Endpoints of checks side by side")
struct PortShiftTests {
    @Test("job 1's endpoints look from 8180 (or PILOT_FIRST_PORT + 100); their URLs read as a lone run's")
    func shifted() {
        #expect(BookCheck.environment([:], job: 0) == [:])
        #expect(BookCheck.environment([:], job: 1) == ["PILOT_FIRST_PORT": "8180"])
        #expect(BookCheck.environment(["PILOT_FIRST_PORT": "9300"], job: 2) == ["PILOT_FIRST_PORT": "9500"])
        var check = BookCheck(bookPath: "a.pilotbook", environment: BookCheck.environment([:], job: 1))
        check.job = 1
        #expect(
            check.shiftingPortsBack("ep: http://127.0.0.1:8181 and http://127.0.0.1:8080, port 8180, 127.0.0.1:81800")
                == "ep: http://127.0.0.1:8081 and http://127.0.0.1:8080, port 8180, 127.0.0.1:81800")
    }
}

@Suite("Work side by side")
struct SideBySideTests {
    @Test("results come back in input order, whichever job finishes first; every job takes part", arguments: [1, 2, 3, 8])
    func inOrder(jobs: Int) {
        var delivered: [Int] = []
        var usedJobs: Set<Int> = []
        SideBySide.run(
            count: 12, jobs: jobs,
            work: { index, job in
                // Early items take longest, so later ones finish first when jobs > 1.
                Thread.sleep(forTimeInterval: Double(12 - index) * 0.002)
                return (index * index, job)
            },
            deliver: { index, result in
                #expect(result.0 == index * index)
                delivered.append(index)
                usedJobs.insert(result.1)
            })
        #expect(delivered == Array(0..<12))
        #expect(usedJobs.allSatisfy { (0..<jobs).contains($0) })
    }
}
