package io.lakefan.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Snappy through snappy-java, so writing needs no Hadoop classes (parquet's own codec factory loads
 * Hadoop's codecs). Compression only: lakefan never reads Parquet pages.
 */
@SuppressWarnings("deprecation") // BytesInput.toByteArray(): the simplest heap path for snappy-java's byte[] API
final class SnappyCodecFactory implements CompressionCodecFactory {
    private static final BytesInputCompressor SNAPPY = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
            // nothing held
        }
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        if (codec != CompressionCodecName.SNAPPY) throw new IllegalArgumentException("only snappy is supported, not " + codec);
        return SNAPPY;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int size) throws IOException {
                byte[] out = new byte[size];
                Snappy.uncompress(bytes.toByteArray(), 0, (int) bytes.size(), out, 0);
                return BytesInput.from(out);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int size) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(Snappy.uncompress(in));
            }

            @Override
            public void release() {
                // nothing held
            }
        };
    }

    @Override
    public void release() {
        // nothing held
    }
}
