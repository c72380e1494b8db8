package io.meridian.engine.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal protobuf wire-format writer for building ONNX test models by hand. */
final class ProtoWriter
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(final int field, final long value)
    {
        tag(field, 0);
        rawVarint(value);
        return this;
    }

    ProtoWriter fixed32(final int field, final int bits)
    {
        tag(field, 5);
        rawFixed32(bits);
        return this;
    }

    ProtoWriter fixed64(final int field, final long bits)
    {
        tag(field, 1);
        rawFixed32((int)bits);
        rawFixed32((int)(bits >>> 32));
        return this;
    }

    ProtoWriter bytes(final int field, final byte[] bytes)
    {
        tag(field, 2);
        rawVarint(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    ProtoWriter string(final int field, final String text)
    {
        return bytes(field, text.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(final int field, final ProtoWriter message)
    {
        return bytes(field, message.toByteArray());
    }

    ProtoWriter tag(final int field, final int wireType)
    {
        rawVarint((long)field << 3 | wireType);
        return this;
    }

    ProtoWriter rawVarint(final long value)
    {
        long v = value;
        while ((v & ~0x7FL) != 0)
        {
            out.write((int)((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int)v);
        return this;
    }

    ProtoWriter rawFixed32(final int bits)
    {
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
        return this;
    }

    ProtoWriter rawBytes(final byte[] bytes)
    {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    byte[] toByteArray()
    {
        return out.toByteArray();
    }
}
