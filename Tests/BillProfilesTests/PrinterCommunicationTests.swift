import BillJSON
import BillProfiles
import Testing

/// The `communication` object of a profile: what printing may ask the printer, and serial defaults.
struct PrinterCommunicationTests {
    func load(_ text: String) throws(ProfileError) -> PrinterProfile {
        try PrinterProfile.resolve("/p.json", files: { path throws(ProfileError) in Array(text.utf8) })
    }

    /// ESC/POS built-ins answer DLE EOT and GS ( H; Star's languages have neither, so a Star
    /// printer is asked nothing.
    @Test func builtInsAnswerStatusAndProcessID() {
        for profile in PrinterProfile.builtIn {
            let escpos = profile.language == .escpos
            #expect(
                profile.communication
                    == PrinterCommunication(realTimeStatus: escpos, processIDResponse: escpos), "\(profile.name)")
        }
    }

    @Test func aFileSaysWhatItsPrinterAnswers() throws {
        let profile = try load(
            #"{"extends": "generic-58mm", "name": "bt", "communication": {"processIDResponse": false, "serialBaud": 115200, "serialFlowControl": "xonxoff"}}"#
        )
        #expect(
            profile.communication
                == PrinterCommunication(
                    realTimeStatus: true, processIDResponse: false, serialBaud: 115_200, serialFlowControl: "xonxoff"))
    }

    @Test func badCommunicationFieldsNameTheirPath() {
        #expect(throws: ProfileError.self) {
            try load(#"{"extends": "generic-80mm", "communication": {"serialFlowControl": "dtrdsr"}}"#)
        }
        #expect {
            try load(#"{"extends": "generic-80mm", "communication": {"asb": true}}"#)
        } throws: { error in
            "\(error)".contains("communication.asb")
        }
    }
}
