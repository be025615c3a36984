/// The sentence encoder against sentence-transformers: token ids and vectors for the fixed
/// sentences of `Fixtures/encoder-reference.json` (written by Tests/Model/make-reference.py),
/// batch and concurrent use against single encoding, and the whole messages for unusable files.
///
/// The model file is `$ADVISOR_MODEL`, or `.build/encoder/all-MiniLM-L6-v2.advisor-model`
/// (`make model` fetches and converts it). When it is missing the tests that need it fail,
/// saying so; with ADVISOR_MODEL set to the empty string (the lexical-only configuration) they
/// are disabled.
import Foundation
import SentenceEncoder
import Testing

struct SentenceEncoderTests {
    @Test func missingModelIsNamedWithTheFix() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).advisor-model").path
        #expect(EncoderFixture.openingError(path) == "The sentence-encoder model \(path) does not exist; run `make model` to fetch and convert it.")
    }

    @Test func fileWithAnotherMagicIsNotAModel() throws {
        let path = try EncoderFixture.temporaryFile(Data(repeating: UInt8(ascii: "x"), count: 4096))
        #expect(EncoderFixture.openingError(path) == "The file \(path) is not a sentence-encoder model (it does not start with ADVENCOD); run `make model` to fetch and convert it.")
    }

    @Test func fileShorterThanAHeaderIsTruncated() throws {
        let path = try EncoderFixture.temporaryFile(Data("ADVENCOD".utf8) + Data(count: 92))
        #expect(EncoderFixture.openingError(path) == "The sentence-encoder model \(path) is truncated: it has 100 bytes, fewer than the 256 of a model's header; run `make model` to fetch and convert it.")
    }

    /// The tests that read the model file.
    @Suite(.enabled(if: EncoderFixture.modelConfigured, "ADVISOR_MODEL is empty: the lexical-only configuration"))
    struct WithTheModel {
        @Test func tokenIDsEqualTheReference() throws {
            let encoder = try EncoderFixture.encoder()
            for sentence in try EncoderFixture.reference() {
                #expect(encoder.tokenIDs(sentence.text) == sentence.ids, "token ids of \(sentence.text.debugDescription)")
            }
        }

        @Test func vectorsMatchTheReference() throws {
            let encoder = try EncoderFixture.encoder()
            for sentence in try EncoderFixture.reference() {
                let vector = encoder.encode(sentence.text)
                #expect(vector.count == SentenceEncoder.dimension)
                let similarity = EncoderFixture.cosine(vector, sentence.vector)
                #expect(similarity >= 0.999, "cosine \(similarity) to the reference for \(sentence.text.debugDescription)")
            }
        }

        @Test func batchGivesTheVectorsOfSingleSentences() throws {
            let encoder = try EncoderFixture.encoder()
            // Three times over, so the batch spans several passes and threads and mixes lengths.
            let reference = try EncoderFixture.reference().map(\.text)
            let texts = reference + reference.reversed() + reference
            let batch = encoder.encode(batch: texts)
            #expect(batch.count == texts.count)
            for (vector, text) in zip(batch, texts) {
                let similarity = EncoderFixture.cosine(vector, encoder.encode(text))
                #expect(similarity >= 0.99999, "batch against single cosine \(similarity) for \(text.debugDescription)")
            }
            #expect(encoder.encode(batch: []).isEmpty)
        }

        @Test func severalThreadsAtOnceGetTheVectorsOfOne() async throws {
            let encoder = try EncoderFixture.encoder()
            let texts = try EncoderFixture.reference().map(\.text)
            let expected = texts.map(encoder.encode)
            let results = await withTaskGroup(of: [[Float]].self) { group in
                for _ in 0..<4 { group.addTask { texts.map(encoder.encode) } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 4)
            for result in results { #expect(result == expected) }
        }

        @Test func fingerprintIsSixteenHexDigits() throws {
            let fingerprint = try EncoderFixture.encoder().fingerprint
            #expect(fingerprint.count == 16 && fingerprint.allSatisfy(\.isHexDigit), "fingerprint \(fingerprint)")
        }

        @Test func truncatedModelIsRefused() throws {
            let model = try EncoderFixture.modelBytes()
            let path = try EncoderFixture.temporaryFile(model.prefix(1_000_000))
            #expect(EncoderFixture.openingError(path) == "The sentence-encoder model \(path) is truncated: it has 1000000 bytes where its header says \(model.count); run `make model` to fetch and convert it.")
        }

        @Test func otherFormatVersionIsRefused() throws {
            var header = try EncoderFixture.modelBytes().prefix(4096)
            header[header.startIndex + 8] = 2
            let path = try EncoderFixture.temporaryFile(header)
            #expect(EncoderFixture.openingError(path) == "The sentence-encoder model \(path) has format version 2, but this program reads version 1; run `make model` to fetch and convert it.")
        }

        @Test func corruptHeaderOrVocabularyIsRefused() throws {
            let model = try EncoderFixture.modelBytes()
            var header = model
            header[header.startIndex + 80] ^= 1  // the layer count
            let headerPath = try EncoderFixture.temporaryFile(header)
            #expect(EncoderFixture.openingError(headerPath) == "The sentence-encoder model \(headerPath) is corrupt: its header checksum does not match; run `make model` to fetch and convert it.")
            var vocabulary = model
            vocabulary[vocabulary.startIndex + 1000] ^= 1
            let vocabularyPath = try EncoderFixture.temporaryFile(vocabulary)
            #expect(EncoderFixture.openingError(vocabularyPath) == "The sentence-encoder model \(vocabularyPath) is corrupt: its vocabulary checksum does not match; run `make model` to fetch and convert it.")
        }
    }
}
