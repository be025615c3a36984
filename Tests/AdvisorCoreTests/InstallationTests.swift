/// Where an advisor finds its own files, from its executable's path alone: installed
/// (`PREFIX/bin` beside `PREFIX/share/advisor`) first, then a checkout above it; and where
/// `:save` writes. Built in temporary folders laid out like each case.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct InstallationTests {
    @Test func anInstalledAdvisorFindsItsShareFolderWhereverThePrefixWasMoved() throws {
        let prefix = try Self.folder(with: ["bin", "share/advisor/Intents", "share/advisor/Sources/Knowledge"])
        let found = Installation.locate(executable: prefix + "/bin/advisor")
        #expect(found == .installed(share: prefix + "/share/advisor"))
        #expect(found.hasData)
        #expect(found.data.indexFolder == nil)
        #expect(found.encoderModel(environment: [:]) == .shipped(prefix + "/share/advisor/" + EncoderModel.fileName))
        #expect(found.encoderModel(environment: ["ADVISOR_MODEL": "/m"]) == .file("/m"))
        #expect(found.encoderModel(environment: ["ADVISOR_MODEL": ""]) == .none)
    }

    @Test func aBuildInACheckoutFindsTheCheckoutAboveIt() throws {
        let root = try Self.folder(with: ["Intents", "Sources/Knowledge", ".build/x86_64-unknown-linux-gnu/release"])
        FileManager.default.createFile(atPath: root + "/Package.swift", contents: Data())
        let found = Installation.locate(executable: root + "/.build/x86_64-unknown-linux-gnu/release/advisor")
        #expect(found == .checkout(root))
        #expect(found.data.indexFolder == root + "/.build/advisor-cache")
        #expect(found.encoderModel(environment: [:]) == .file(root + "/.build/encoder/" + EncoderModel.fileName))
    }

    /// A binary with neither: the installed layout, with no data, so the advisor can say where it looked.
    @Test func aLoneBinaryHasNoData() throws {
        let folder = try Self.folder(with: ["bin"])
        let found = Installation.locate(executable: folder + "/bin/advisor")
        #expect(found == .installed(share: folder + "/share/advisor"))
        #expect(!found.hasData)
    }

    /// The data without a manifest is no checkout (a `--data` copy, say).
    @Test func dataWithoutAPackageIsNoCheckout() throws {
        let folder = try Self.folder(with: ["Intents", "Sources/Knowledge", "bin"])
        #expect(!Installation.isCheckout(folder))
        #expect(!Installation.locate(executable: folder + "/bin/advisor").hasData)
    }

    @Test func saveWritesToTranscriptsInACheckoutElseToTheXDGDataDirectory() {
        #expect(TranscriptFolder.default(environment: ["HOME": "/h", "XDG_DATA_HOME": "/x"], inCheckout: true) == "Transcripts")
        #expect(TranscriptFolder.default(environment: ["HOME": "/h", "XDG_DATA_HOME": "/x"], inCheckout: false) == "/x/advisor/transcripts")
        #expect(TranscriptFolder.default(environment: ["HOME": "/h/", "XDG_DATA_HOME": "relative"], inCheckout: false) == "/h/.local/share/advisor/transcripts")
        #expect(TranscriptFolder.default(environment: ["HOME": "/h"], inCheckout: false) == "/h/.local/share/advisor/transcripts")
        #expect(TranscriptFolder.default(environment: [:], inCheckout: false) == "Transcripts")
    }

    /// The shipped store beside an installed model is read, never written: the user's cache comes first.
    @Test func anInstalledModelKeepsNewVectorsInTheUsersCache() {
        let stores = EncoderModel.shipped("/p/share/advisor/m").stores(fingerprint: "f")
        #expect(stores.last == "/p/share/advisor/m.vectors")
        #expect(stores.count == 1 || stores.first?.hasSuffix("/advisor/vectors-f") == true)
        #expect(EncoderModel.file("/b/m").stores(fingerprint: "f").first == "/b/m.vectors")
    }

    /// A temporary folder holding `folders`.
    static func folder(with folders: [String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-layout-\(UUID().uuidString)").path
        for folder in folders {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        return root
    }
}
