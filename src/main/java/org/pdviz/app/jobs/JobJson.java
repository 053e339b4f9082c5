package org.pdviz.app.jobs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.function.Function;
import org.pdviz.core.distill.Weighting;
import org.pdviz.core.param.Parameterization;
import org.pdviz.runtime.Device;
import org.pdviz.train.RoundIterations;
import org.pdviz.train.TeacherEngine;

/**
 * How a job is written to and read from {@code job.json}: typed settings stand there by the names a
 * user types ("v", "snr+1", "cuda", "auto"), as they did when the fields were strings, so a job
 * saved by an older version still resumes.
 */
final class JobJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(settings()).build();

    private JobJson() {
    }

    private static SimpleModule settings() {
        SimpleModule m = new SimpleModule("pdviz-job-settings");
        byId(m, Parameterization.class, Parameterization::id, Parameterization::parse);
        byId(m, Weighting.class, Weighting::id, Weighting::parse);
        byId(m, Device.class, Device::id, Device::parse);
        byId(m, TeacherEngine.class, TeacherEngine::id, TeacherEngine::parse);
        byId(m, RoundIterations.class, RoundIterations::text, RoundIterations::parse);
        return m;
    }

    private static <T> void byId(SimpleModule m, Class<T> type, Function<T, String> id, Function<String, T> parse) {
        m.addSerializer(type, new StdSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(id.apply(value));
            }
        });
        m.addDeserializer(type, new StdDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse.apply(text);
                } catch (IllegalArgumentException e) {
                    throw c.weirdStringException(text, type, e.getMessage());
                }
            }
        });
    }
}
