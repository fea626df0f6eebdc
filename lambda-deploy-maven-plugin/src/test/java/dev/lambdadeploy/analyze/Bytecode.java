package dev.lambdadeploy.analyze;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Builds real class files and jars for the analysis tests (ASM), so each test states exactly what refers to what. */
final class Bytecode {
    private Bytecode() {}

    /** A class (internal name) referring to {@code refs} (types, in a method body) and holding {@code strings}. */
    static byte[] type(
            String name,
            String superName,
            List<String> interfaces,
            List<String> refs,
            List<String> strings,
            boolean isInterface) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(
                Opcodes.V17,
                Opcodes.ACC_PUBLIC | (isInterface ? Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0),
                name,
                null,
                superName,
                interfaces.toArray(new String[0]));
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "touch", "()V", null, null);
        mv.visitCode();
        for (String r : refs) {
            mv.visitLdcInsn(Type.getObjectType(r));
            mv.visitInsn(Opcodes.POP);
        }
        for (String s : strings) {
            mv.visitLdcInsn(s);
            mv.visitInsn(Opcodes.POP);
        }
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    static byte[] cls(String name, String... refs) {
        return type(name, "java/lang/Object", List.of(), List.of(refs), List.of(), false);
    }

    /** A class whose static initializer calls {@code owner.method} (e.g. java/util/UUID.randomUUID). */
    static byte[] withClinitCall(String name, String owner, String method, String desc) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, method, desc, false);
        mv.visitInsn(Opcodes.POP);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Entries: {@code a/B} -> class bytes, or {@code META-INF/...} -> text. */
    static final class Jar {
        final Map<String, byte[]> entries = new LinkedHashMap<>();

        Jar add(String internalName, byte[] bytes) {
            entries.put(internalName + ".class", bytes);
            return this;
        }

        Jar service(String service, String... providers) {
            entries.put(
                    "META-INF/services/" + service,
                    (String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Path write(Path file) throws IOException {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return file;
        }

        Path writeDir(Path dir) throws IOException {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                Path f = dir.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            return dir;
        }
    }
}
